import JupyterKernel

/// A test double for the language side of the debugger: `x` (a number), `xs` (a list of
/// `itemCount` numbers, expandable) and `r` (a record with fields `a` and `b`).
final class ScriptedDebugger: Debugger {
    var attached = 0
    var detached = 0
    let itemCount: Int

    init(itemCount: Int = 5) {
        self.itemCount = itemCount
    }

    func attach() { attached += 1 }

    func detach() { detached += 1 }

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
        default:
            throw .debugRequestFailed("no children for \(key)")
        }
    }

    func richInspect(_ name: String, frameID: Int?) throws(KernelError) -> MimeBundle {
        guard name == "x" else { throw .debugRequestFailed("no variable \(name)") }
        return ["text/plain": "x is 1", "text/html": "<b>1</b>"]
    }
}
