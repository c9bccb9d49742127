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

    init(debugger: any Debugger, cells: CellFiles, messages: DebugMessages) {
        self.debugger = debugger
        self.cells = cells
        self.messages = messages
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
            "breakpoints": [], "stoppedThreads": [], "richRendering": true, "exceptionPaths": [],
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
        debugger.attach()
        messages.publish(event: "initialized", body: [:])
        return [:]
    }

    /// Ends the debug session: the debugger forgets, and so do the references.
    private func disconnect() -> JSONValue {
        if isStarted { debugger.detach() }
        references.removeAll()
        isStarted = false
        return [:]
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
