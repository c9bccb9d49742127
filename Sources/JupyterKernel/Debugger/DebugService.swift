import JupyterProtocol

/// `debug_request` on the control channel: the Debug Adapter Protocol as JupyterLab's debugger
/// speaks it (JEP 47; packages/debugger), around a language's `Debugger`. Lives on the control
/// thread, so the variables panel answers while a cell runs.
///
/// Every request gets a `debug_reply`: a malformed request, an unknown command or arguments,
/// or a debugger that cannot answer all become a response with `success` false and a message
/// saying what was expected, never silence (JupyterLab waits for the reply).
final class DebugService {
    private let debugger: any Debugger
    private let cells: CellFiles
    private let messages: DebugMessages
    private var references = VariableReferences()
    /// Between `initialize` and `disconnect`.
    private var isStarted = false
    /// The breakpoints as placed, by cell path, for `debugInfo` (a reloaded page restores them).
    private var breakpoints: [String: [DebugBreakpoint]] = [:]

    /// The language's MIME type, for the sources panel.
    private let mimetype: String

    init(debugger: any Debugger, cells: CellFiles, messages: DebugMessages, mimetype: String) {
        self.debugger = debugger
        self.cells = cells
        self.messages = messages
        self.mimetype = mimetype
    }

    /// The handler of `debug_request`.
    var handlers: [MessageType: RequestHandler] {
        [.debugRequest: { [self] in .reply(answer($0)) }]
    }

    /// One command: whether it needs a started debugger, and its response body.
    private struct Command {
        let needsStart: Bool
        let run: (DebugRequest) throws(KernelError) -> JSONValue
    }

    /// Every command this kernel answers; any other is an error reply naming these.
    private var commands: [String: Command] {
        [
            "debugInfo": Command(needsStart: false) { [self] _ in debugInfo() },
            "initialize": Command(needsStart: false) { [self] _ in initialize() },
            "attach": Command(needsStart: true) { [self] _ in attach() },
            "configurationDone": Command(needsStart: true) { _ in [:] },
            "disconnect": Command(needsStart: false) { [self] _ in disconnect() },
            "dumpCell": Command(needsStart: true) { [cells] request throws(KernelError) in
                ["sourcePath": .string(try cells.dump(request.string("code")))]
            },
            "inspectVariables": Command(needsStart: false) { [self] _ in
                ["variables": .array(debugger.variables().map(json))]
            },
            "variables": Command(needsStart: true) { [self] request throws(KernelError) in try variables(request) },
            "richInspectVariables": Command(needsStart: false) { [self] request throws(KernelError) in
                let data = try debugger.richInspect(request.string("variableName"), frameID: request.optionalInt("frameId"))
                return ["data": .strings(data), "metadata": [:]]
            },
            "setBreakpoints": Command(needsStart: true) { [self] request throws(KernelError) in try setBreakpoints(request) },
            "setExceptionBreakpoints": Command(needsStart: true) { request throws(KernelError) in
                // No exception filters are offered (initialize says so); an empty list is what
                // JupyterLab sends when it restores its state.
                guard (request.arguments["filters"]?.arrayValue ?? []).isEmpty else {
                    throw .debugRequestFailed("setExceptionBreakpoints: this kernel offers no exception filters")
                }
                return ["breakpoints": []]
            },
            "threads": Command(needsStart: true) { _ in
                ["threads": [["id": .int(DebugLink.threadID), "name": "cells"]]]
            },
            "stackTrace": Command(needsStart: true) { [self] request throws(KernelError) in try stackTrace(request) },
            "scopes": Command(needsStart: true) { [self] request throws(KernelError) in
                let scopes = try debugger.scopes(frameID: request.int("frameId"))
                return ["scopes": .array(scopes.map { scope in
                    ["name": .string(scope.name), "variablesReference": .int(references.reference(for: scope.childrenKey)),
                     "namedVariables": .int(scope.count), "expensive": false]
                })]
            },
            "continue": resuming(.run),
            "next": resuming(.over),
            "stepIn": resuming(.into),
            "stepOut": resuming(.out),
            "pause": Command(needsStart: true) { [self] _ in
                debugger.pause()
                return [:]
            },
            "source": Command(needsStart: true) { [self] request throws(KernelError) in
                guard let path = request.arguments["source"]?["path"]?.stringValue else {
                    throw .debugRequestFailed("source needs arguments.source.path, a string")
                }
                guard let content = cells.code(at: path) ?? debugger.source(path: path) else {
                    throw .debugRequestFailed("source: no cell of this kernel has the path \(path)")
                }
                return ["content": .string(content), "mimeType": .string(mimetype)]
            },
        ]
    }

    /// The reply content for one `debug_request`.
    func answer(_ request: Request) -> JSONValue {
        let parsed: DebugRequest
        do {
            parsed = try DebugRequest(request.content)
        } catch {
            return messages.failure(requestSeq: request.content["seq"]?.intValue ?? 0,
                                    command: request.content["command"]?.stringValue ?? "", message: error.description)
        }
        messages.answering(request.header)
        guard let command = commands[parsed.command] else {
            let known = commands.keys.sorted().joined(separator: ", ")
            return messages.failure(requestSeq: parsed.seq, command: parsed.command,
                                    message: "unknown debug command '\(parsed.command)'; this kernel answers \(known)")
        }
        guard isStarted || !command.needsStart else {
            return messages.failure(requestSeq: parsed.seq, command: parsed.command,
                                    message: "\(parsed.command) needs a started debugger; send initialize and attach first")
        }
        do {
            return messages.response(to: parsed, body: try command.run(parsed))
        } catch {
            return messages.failure(requestSeq: parsed.seq, command: parsed.command, message: error.description)
        }
    }

    /// What a front end needs to name cells and restore its panels (ipykernel's fields).
    private func debugInfo() -> JSONValue {
        [
            "isStarted": .bool(isStarted), "hashMethod": "Murmur2", "hashSeed": .int(Int(CellFiles.hashSeed)),
            "tmpFilePrefix": .string(cells.prefix), "tmpFileSuffix": .string(cells.suffix),
            "breakpoints": .array(breakpoints.keys.sorted().map { path in
                ["source": .string(path), "breakpoints": .array((breakpoints[path] ?? []).map { ["line": .int($0.line)] })]
            }),
            "stoppedThreads": .array(debugger.stoppedThreads.map { .int($0) }), "richRendering": true,
            "exceptionPaths": [],
            "copyToGlobals": false,
        ]
    }

    /// Starts a debug session (again, after a `disconnect`) and says what this adapter can do.
    private func initialize() -> JSONValue {
        isStarted = true
        return [
            "supportsConfigurationDoneRequest": true, "supportsVariablePaging": true,
            "supportsVariableType": true, "exceptionBreakpointFilters": [],
        ]
    }

    /// Hands the debugger over to the front end; `initialized` says configuration may begin.
    private func attach() -> JSONValue {
        debugger.attach(DebugLink(cells: cells, messages: messages))
        messages.publish(event: "initialized", body: [:])
        return [:]
    }

    /// Ends the debug session: the debugger forgets, and so do the references.
    private func disconnect() -> JSONValue {
        if isStarted { debugger.detach() }
        references.removeAll()
        breakpoints.removeAll()
        isStarted = false
        return [:]
    }

    /// A command that lets the paused cell go on by `step`; `continued` follows from the debugger.
    private func resuming(_ step: DebugStep) -> Command {
        Command(needsStart: true) { [self] _ throws(KernelError) in
            try debugger.resume(step)
            return step == .run ? ["allThreadsContinued": true] : [:]
        }
    }

    /// Replaces one cell's breakpoints; the reply says where each was placed.
    private func setBreakpoints(_ request: DebugRequest) throws(KernelError) -> JSONValue {
        guard let path = request.arguments["source"]?["path"]?.stringValue else {
            throw .debugRequestFailed("setBreakpoints needs arguments.source.path, a string")
        }
        let requested = request.arguments["breakpoints"]?.arrayValue ?? []
        var lines: [Int] = []
        for breakpoint in requested {
            guard let line = breakpoint["line"]?.intValue, line >= 1 else {
                throw .debugRequestFailed("setBreakpoints: each breakpoint needs a line ≥ 1, found \(breakpoint.foundDescription)")
            }
            lines.append(line)
        }
        let placed = debugger.setBreakpoints(lines, path: path, code: cells.code(at: path))
        breakpoints[path] = placed.isEmpty ? nil : placed
        return ["breakpoints": .array(placed.map { breakpoint in
            var object: [String: JSONValue] = ["verified": .bool(breakpoint.verified), "line": .int(breakpoint.line),
                                               "source": ["path": .string(path)]]
            if let message = breakpoint.message { object["message"] = .string(message) }
            return .object(object)
        })]
    }

    /// The paused cell's frames, `levels` of them from `startFrame` (DAP's paging).
    private func stackTrace(_ request: DebugRequest) throws(KernelError) -> JSONValue {
        let frames = try debugger.stackTrace()
        let start = min(max(try request.optionalInt("startFrame") ?? 0, 0), frames.count)
        let levels = try request.optionalInt("levels") ?? 0
        let end = levels > 0 ? min(frames.count, start + levels) : frames.count
        return [
            "stackFrames": .array(frames[start..<end].map { frame in
                ["id": .int(frame.id), "name": .string(frame.name), "line": .int(frame.line), "column": .int(frame.column),
                 "source": ["path": .string(frame.path), "name": .string(String(frame.path.split(separator: "/").last ?? ""))]]
            }),
            "totalFrames": .int(frames.count),
        ]
    }

    /// The children of a variable the front end expanded, `count` of them from `start`.
    private func variables(_ request: DebugRequest) throws(KernelError) -> JSONValue {
        let reference = try request.int("variablesReference")
        guard let key = references.key(for: reference) else {
            throw .debugRequestFailed("variables: no variable has reference \(reference); "
                + "references come from inspectVariables, variables or scopes of this debug session")
        }
        let start = try request.optionalInt("start") ?? 0
        let count = try request.optionalInt("count")
        guard start >= 0, (count ?? 0) >= 0 else {
            throw .debugRequestFailed("variables: start and count must be ≥ 0, found start \(start), count \(count ?? 0)")
        }
        // DAP says a count of 0 means all.
        let children = try debugger.children(of: key, start: start, count: count == 0 ? nil : count)
        return ["variables": .array(children.map(json))]
    }

    /// A variable as DAP JSON, its children key replaced by a reference.
    private func json(_ variable: DebugVariable) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(variable.name), "value": .string(variable.value), "type": .string(variable.type),
            "evaluateName": .string(variable.evaluateName),
            "variablesReference": .int(variable.childrenKey.map { references.reference(for: $0) } ?? 0),
        ]
        if let named = variable.namedChildren { object["namedVariables"] = .int(named) }
        if let indexed = variable.indexedChildren { object["indexedVariables"] = .int(indexed) }
        return .object(object)
    }
}
