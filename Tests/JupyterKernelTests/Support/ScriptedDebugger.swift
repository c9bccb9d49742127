import JupyterKernel

/// A test double for the language side of the debugger: `x` (a number), `xs` (a list of
/// `itemCount` numbers, expandable) and `r` (a record with fields `a` and `b`); a cell that
/// `stop` pauses with two frames, `f` inside the cell.
final class ScriptedDebugger: Debugger {
    var attached = 0
    var detached = 0
    var resumed: [DebugStep] = []
    var pauses = 0
    private(set) var link: DebugLink?
    private(set) var isPaused = false
    let itemCount: Int

    init(itemCount: Int = 5) {
        self.itemCount = itemCount
    }

    /// Pauses "the cell" as a breakpoint would, publishing `stopped`.
    func stop(_ reason: DebugStopReason) {
        isPaused = true
        link?.stopped(reason)
    }

    func attach(_ link: DebugLink) {
        attached += 1
        self.link = link
    }

    func detach() {
        detached += 1
        if isPaused { try? resume(.run) }
    }

    func variables() -> [DebugVariable] {
        [
            DebugVariable(name: "r", value: "rec(a: 1, b: 2)", type: "rec record", evaluateName: "r", childrenKey: "r",
                          namedChildren: 2),
            DebugVariable(name: "x", value: "1", type: "float", evaluateName: "x"),
            DebugVariable(name: "xs", value: "[0, 1, …]", type: "list", evaluateName: "xs", childrenKey: "xs",
                          indexedChildren: itemCount),
        ]
    }

    func children(of key: String, start: Int, count: Int?) throws(KernelError) -> [DebugVariable] {
        switch key {
        case "xs":
            let end = min(itemCount, start + (count ?? itemCount))
            return (min(start, end)..<end).map {
                DebugVariable(name: "xs[\($0)]", value: "\($0)", type: "float", evaluateName: "xs[\($0)]")
            }
        case "r":
            return [DebugVariable(name: "r.a", value: "1", type: "float", evaluateName: "r.a"),
                    DebugVariable(name: "r.b", value: "2", type: "float", evaluateName: "r.b")]
        case "locals@1":
            return [DebugVariable(name: "v", value: "7", type: "float", evaluateName: "v")]
        default:
            throw .debugRequestFailed("no children for \(key)")
        }
    }

    func richInspect(_ name: String, frameID: Int?) throws(KernelError) -> MimeBundle {
        guard name == "x" else { throw .debugRequestFailed("no variable \(name)") }
        return ["text/plain": "x is 1", "text/html": "<b>1</b>"]
    }

    /// Places each breakpoint on the first non-blank line at or after the one asked for.
    func setBreakpoints(_ lines: [Int], path: String, code: String?) -> [DebugBreakpoint] {
        guard let code else { return lines.map { DebugBreakpoint(line: $0, verified: false, message: "unknown cell") } }
        let text = code.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            let placed = (line...max(line, text.count)).first { $0 <= text.count && !text[$0 - 1].allSatisfy(\.isWhitespace) }
            return placed.map { DebugBreakpoint(line: $0, verified: true) }
                ?? DebugBreakpoint(line: line, verified: false, message: "no statement at or after line \(line)")
        }
    }

    var stoppedThreads: [Int] { isPaused ? [DebugLink.threadID] : [] }

    func stackTrace() throws(KernelError) -> [DebugStackFrame] {
        guard isPaused else { throw .debugRequestFailed("stackTrace: no cell is paused") }
        return [DebugStackFrame(id: 1, name: "f", path: "/cells/1.script", line: 2),
                DebugStackFrame(id: 2, name: "Cell", path: "/cells/1.script", line: 5)]
    }

    func scopes(frameID: Int) throws(KernelError) -> [DebugScope] {
        guard isPaused, frameID == 1 || frameID == 2 else { throw .debugRequestFailed("scopes: no frame \(frameID)") }
        return (frameID == 1 ? [DebugScope(name: "Locals", childrenKey: "locals@1", count: 1)] : [])
            + [DebugScope(name: "Globals", childrenKey: "r", count: 3)]
    }

    func resume(_ step: DebugStep) throws(KernelError) {
        guard isPaused else { throw .debugRequestFailed("no cell is paused") }
        resumed.append(step)
        isPaused = false
        link?.continued()
    }

    func pause() { pauses += 1 }

    func source(path: String) -> String? {
        path == "/cells/1.script" ? "fn f(v) {\n    return v\n}\n\nf(7)" : nil
    }
}
