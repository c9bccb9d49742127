import JupyterKernel
import ReceptiveLanguage
import Synchronization
import TextPlots

/// The Receptive side of Jupyter's debugger: the session's variables for JupyterLab's
/// variables panel, their contents and pictures; breakpoints, steps and the frames of a
/// paused cell.
///
/// Runs on the control thread while cells run on the shell thread. Variables come from a
/// `VariableSnapshot` taken when the session is free, or the last one taken when a cell holds
/// it (the panel asks again after every cell, once the session is free). A paused cell waits
/// in `paused(_:reason:)` on the shell thread, in a `PauseGate`, with a snapshot of its calls
/// that the frames, scopes and variables requests read.
///
/// Keys of children: a variable path (`x.weights[0]`) names a global; `@N` names the locals
/// of paused frame N, `@N:path` a value inside them (or a global seen from frame N), and
/// `@globals` the globals of the paused cell.
final class SessionDebugger: Debugger, PauseHandler {
    private let shared: SharedSession
    private let gate: PauseGate
    private let link = Mutex<DebugLink?>(nil)
    /// The variables as last seen.
    private let snapshot = Mutex(VariableSnapshot.empty)

    init(shared: SharedSession, gate: PauseGate) {
        self.shared = shared
        self.gate = gate
    }

    func attach(_ link: DebugLink) {
        self.link.withLock { $0 = link }
        snapshot.withLock { $0 = .empty }
        shared.debugging.attach(self) { link.cellPath(for: $0) }
    }

    func detach() {
        shared.debugging.detach()
        gate.resume(.run)
        link.withLock { $0 = nil }
        snapshot.withLock { $0 = .empty }
    }

    func variables() -> [DebugVariable] {
        globals().listing.map { Self.debugVariable($0, keyPrefix: "") }
    }

    func children(of key: String, start: Int, count: Int?) throws(KernelError) -> [DebugVariable] {
        let (scope, path, prefix) = try resolve(key, for: "variables")
        do {
            guard let path else {
                let listing = scope.listing
                let lower = min(max(start, 0), listing.count)
                let upper = min(listing.count, lower + (count ?? listing.count))
                return listing[lower..<upper].map { Self.debugVariable($0, keyPrefix: prefix) }
            }
            return try scope.children(of: path, start: start, count: count).map { Self.debugVariable($0, keyPrefix: prefix) }
        } catch {
            throw .debugRequestFailed("variables: \(error.kind.rawValue): \(error.message)")
        }
    }

    func richInspect(_ name: String, frameID: Int?) throws(KernelError) -> MimeBundle {
        guard let path = VariablePath(name) else {
            throw .debugRequestFailed("richInspectVariables: '\(name)' is not a variable name or a path like x.field[0]")
        }
        let scope = try frameID.map { id throws(KernelError) in try frameScope(id, for: "richInspectVariables").shadowing(pausedGlobals(for: "richInspectVariables")) }
            ?? globals()
        do {
            return OutputCap().clip(try scope.rendering(of: path).mimeBundle)
        } catch {
            throw .debugRequestFailed("richInspectVariables: \(error.kind.rawValue): \(error.message)")
        }
    }

    func setBreakpoints(_ lines: [Int], path: String, code: String?) -> [DebugBreakpoint] {
        guard let code else {
            shared.debugging.setBreakpoints(Set(lines), source: path)
            return lines.map { DebugBreakpoint(line: $0, verified: false, message: "this kernel has not seen the cell; run it or dump it first") }
        }
        guard let statements = StatementLines.lines(in: code) else {
            shared.debugging.setBreakpoints([], source: path)
            return lines.map { DebugBreakpoint(line: $0, verified: false, message: "the cell has a syntax error") }
        }
        let placed = lines.map { line in
            StatementLines.placement(of: line, among: statements).map { DebugBreakpoint(line: $0, verified: true) }
                ?? DebugBreakpoint(line: line, verified: false, message: "no statement starts on or after line \(line)")
        }
        shared.debugging.setBreakpoints(Set(placed.filter(\.verified).map(\.line)), source: path)
        return placed
    }

    var stoppedThreads: [Int] { gate.pausedCell == nil ? [] : [DebugLink.threadID] }

    func stackTrace() throws(KernelError) -> [DebugStackFrame] {
        let cell = try paused(for: "stackTrace")
        let naming = link.withLock { $0 }
        return cell.frames.enumerated().map { index, frame in
            DebugStackFrame(id: index + 1, name: frame.name, path: naming?.cellPath(for: frame.source) ?? "", line: frame.line)
        }
    }

    func scopes(frameID: Int) throws(KernelError) -> [DebugScope] {
        let cell = try paused(for: "scopes")
        guard cell.frames.indices.contains(frameID - 1) else {
            throw .debugRequestFailed("scopes: the paused cell has no frame \(frameID); it has \(cell.frames.count)")
        }
        let frame = cell.frames[frameID - 1]
        let globals = DebugScope(name: "Globals", childrenKey: "@globals", count: cell.globals.count)
        return frame.isFunction ? [DebugScope(name: "Locals", childrenKey: "@\(frameID)", count: frame.locals.count), globals]
            : [globals]
    }

    func resume(_ step: DebugStep) throws(KernelError) {
        let command: ResumeCommand = switch step {
        case .run: .run
        case .over: .stepOver
        case .into: .stepInto
        case .out: .stepOut
        }
        guard gate.resume(command) else { throw .debugRequestFailed("no cell is paused") }
    }

    func pause() {
        shared.debugging.requestPause()
    }

    func source(path: String) -> String? {
        guard let cell = gate.pausedCell, let naming = link.withLock({ $0 }) else { return nil }
        return cell.frames.first { naming.cellPath(for: $0.source) == path }?.source
    }

    // MARK: PauseHandler (shell thread)

    func paused(_ cell: PausedCell, reason: PauseReason) -> ResumeCommand {
        let link = link.withLock { $0 }
        let stopReason: DebugStopReason = switch reason {
        case .breakpoint: .breakpoint
        case .step: .step
        case .pause: .pause
        }
        let command = gate.wait(cell) { link?.stopped(stopReason) }
        link?.continued()
        return command
    }

    // MARK: Scopes

    /// The globals: the paused cell's, else fresh when the session is free, else the last seen.
    private func globals() -> VariableSnapshot {
        if let cell = gate.pausedCell { return cell.globals }
        if let fresh = shared.withSessionIfFree({ $0.variableSnapshot() }) {
            snapshot.withLock { $0 = fresh }
            return fresh
        }
        return snapshot.withLock { $0 }
    }

    /// The scope a key lists or looks into, the path inside it (nil: the scope itself), and
    /// the prefix of the keys of its children.
    private func resolve(_ key: String, for command: String) throws(KernelError) -> (VariableSnapshot, VariablePath?, String) {
        guard key.hasPrefix("@") else {
            guard let path = VariablePath(key) else { throw .debugRequestFailed("\(command): '\(key)' names no variable") }
            return (globals(), path, "")
        }
        if key == "@globals" { return (try pausedGlobals(for: command), nil, "") }
        let parts = key.dropFirst().split(separator: ":", maxSplits: 1)
        guard let id = parts.first.flatMap({ Int($0) }) else { throw .debugRequestFailed("\(command): '\(key)' names no scope") }
        let frame = try frameScope(id, for: command)
        guard parts.count == 2 else { return (frame, nil, "@\(id):") }
        guard let path = VariablePath(String(parts[1])) else { throw .debugRequestFailed("\(command): '\(key)' names no variable") }
        return (frame.shadowing(try pausedGlobals(for: command)), path, "@\(id):")
    }

    private func paused(for command: String) throws(KernelError) -> PausedCell {
        guard let cell = gate.pausedCell else { throw .debugRequestFailed("\(command): no cell is paused") }
        return cell
    }

    private func pausedGlobals(for command: String) throws(KernelError) -> VariableSnapshot {
        try paused(for: command).globals
    }

    private func frameScope(_ id: Int, for command: String) throws(KernelError) -> VariableSnapshot {
        let cell = try paused(for: command)
        guard cell.frames.indices.contains(id - 1) else {
            throw .debugRequestFailed("\(command): the paused cell has no frame \(id); it has \(cell.frames.count)")
        }
        return cell.frames[id - 1].locals
    }

    /// The panel's view of one variable: its path is its name and how to name it again; its
    /// children's key is the path after `keyPrefix` (the frame it was listed in, if any).
    private static func debugVariable(_ variable: InspectedVariable, keyPrefix: String) -> DebugVariable {
        let path = variable.path.description
        return DebugVariable(
            name: path, value: variable.preview, type: variable.type, evaluateName: path,
            childrenKey: variable.childCount == nil ? nil : keyPrefix + path,
            namedChildren: variable.childrenAreIndexed ? nil : variable.childCount,
            indexedChildren: variable.childrenAreIndexed ? variable.childCount : nil)
    }
}
