/// The language side of Jupyter's debugger (JEP 47), in the manner of `Interpreter`: what a
/// session's variables are and how they look.
///
/// The kernel owns the Debug Adapter Protocol: the `debug_request` envelope, `debugInfo`,
/// `initialize`/`attach`/`disconnect`, the cell files of `dumpCell`, the integers that stand
/// for expandable variables, and every error reply. A debugger only answers in its own terms:
/// a variable's children are found by the `childrenKey` it chose for that variable.
///
/// Threads: every method is called on the control thread, one at a time, while
/// `Interpreter.execute` may be running on the shell thread. An implementation guards whatever
/// it shares with its interpreter; it must answer promptly even while a cell runs (from what
/// it last saw), because the control thread also serves interrupts.
public protocol Debugger: AnyObject {
    /// The front end started debugging (`attach`); called again after each `disconnect`.
    func attach()

    /// The front end stopped debugging (`disconnect`): forget what was handed out.
    func detach()

    /// The session's variables, sorted by name (`inspectVariables`).
    func variables() -> [DebugVariable]

    /// The children of the variable whose `childrenKey` is `key`: `count` of them from
    /// `start` (nil: all). Throws `KernelError.debugRequestFailed` when the key no longer names
    /// a value with children.
    func children(of key: String, start: Int, count: Int?) throws(KernelError) -> [DebugVariable]

    /// Renderings of the variable (or child) whose `evaluateName` is `name`, by MIME type
    /// (`richInspectVariables`); `frameID` is the selected stack frame when execution is
    /// paused. Throws `KernelError.debugRequestFailed` when the name means nothing.
    func richInspect(_ name: String, frameID: Int?) throws(KernelError) -> MimeBundle
}

/// One variable as the debugger's panels show it (a Debug Adapter Protocol `Variable`, with
/// the language's key for its children in place of the protocol's integer reference).
public struct DebugVariable: Sendable, Equatable {
    /// The name shown in the tree.
    public var name: String
    /// A one-line preview of the value.
    public var value: String
    /// The value's type as the panel shows it.
    public var type: String
    /// How to name this value again (`richInspect`, and the table view's name column).
    public var evaluateName: String
    /// What `Debugger.children(of:)` takes to list this value's children; nil when it has none.
    public var childrenKey: String?
    /// How many of the children are named (fields), when known.
    public var namedChildren: Int?
    /// How many of the children are indexed (items, rows), when known.
    public var indexedChildren: Int?

    /// Creates a variable.
    public init(name: String, value: String, type: String, evaluateName: String, childrenKey: String? = nil,
                namedChildren: Int? = nil, indexedChildren: Int? = nil) {
        self.name = name
        self.value = value
        self.type = type
        self.evaluateName = evaluateName
        self.childrenKey = childrenKey
        self.namedChildren = namedChildren
        self.indexedChildren = indexedChildren
    }
}
