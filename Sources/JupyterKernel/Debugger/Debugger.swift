/// The language side of Jupyter's debugger (JEP 47), in the manner of `Interpreter`: what a
/// session's variables are and how they look, and, while a cell runs under the debugger, where
/// it stops and what its frames hold.
///
/// The kernel owns the Debug Adapter Protocol: the `debug_request` envelope, `debugInfo`,
/// `initialize`/`attach`/`disconnect`, the cell files of `dumpCell` and their names, the
/// integers that stand for expandable variables, and every error reply. A debugger answers
/// in its own terms: a variable's children are found by the `childrenKey` it chose for that
/// variable, a frame by the id it gave it.
///
/// Threads: every method is called on the control thread, one at a time, while
/// `Interpreter.execute` may be running on the shell thread, or be paused there at a
/// breakpoint. An implementation guards whatever it shares with its interpreter; it must
/// answer promptly even while a cell runs (from what it last saw), because the control thread
/// also serves interrupts. Only `DebugLink`'s methods may be called from the shell thread.
public protocol Debugger: AnyObject {
    /// The front end started debugging (`attach`): cells run from now on may stop, and report
    /// through `link`. Called again after each `detach`.
    func attach(_ link: DebugLink)

    /// The front end stopped debugging (`disconnect`): forget every breakpoint, let a paused
    /// cell run on to its end, and forget what was handed out.
    func detach()

    /// The session's variables, sorted by name (`inspectVariables`).
    func variables() -> [DebugVariable]

    /// The children of the variable or scope whose `childrenKey` is `key`: `count` of them
    /// from `start` (nil: all). Throws `KernelError.debugRequestFailed` when the key no longer
    /// names a value with children.
    func children(of key: String, start: Int, count: Int?) throws(KernelError) -> [DebugVariable]

    /// Renderings of the variable (or child) whose `evaluateName` is `name`, by MIME type
    /// (`richInspectVariables`); `frameID` is the selected stack frame when execution is
    /// paused. Throws `KernelError.debugRequestFailed` when the name means nothing.
    func richInspect(_ name: String, frameID: Int?) throws(KernelError) -> MimeBundle

    /// Replaces the breakpoints of the cell whose file is `path` (its code, when the kernel
    /// has it from `dumpCell`) with ones at `lines` (1-based), and says where each was placed.
    func setBreakpoints(_ lines: [Int], path: String, code: String?) -> [DebugBreakpoint]

    /// The threads paused now: `[DebugLink.threadID]` while a cell is stopped, else none.
    var stoppedThreads: [Int] { get }

    /// The frames of the paused cell, innermost first. Throws when no cell is paused.
    func stackTrace() throws(KernelError) -> [DebugStackFrame]

    /// The scopes of one frame of the paused cell (its locals, the session's globals).
    func scopes(frameID: Int) throws(KernelError) -> [DebugScope]

    /// Lets the paused cell run on: to the next breakpoint, or one step. Throws when no cell
    /// is paused.
    func resume(_ step: DebugStep) throws(KernelError)

    /// Asks the running cell to stop at its next statement.
    func pause()

    /// The code of a cell the debugger ran under `path`, for the sources panel; nil if unknown.
    func source(path: String) -> String?
}

/// How a paused cell goes on (`continue`, `next`, `stepIn`, `stepOut`).
public enum DebugStep: Sendable, Equatable {
    /// To the next breakpoint.
    case run
    /// To the next statement of this frame or an outer one.
    case over
    /// To the next statement, in a function it calls if it calls one.
    case into
    /// To the next statement of an outer frame.
    case out
}

/// Why a cell stopped (the `stopped` event's `reason`).
public enum DebugStopReason: String, Sendable {
    /// At a breakpoint.
    case breakpoint
    /// After a step.
    case step
    /// At a `pause` request.
    case pause
}

/// What the kernel gives a debugger when the front end attaches: how to name the cells it
/// runs, and how to say that a cell stopped or went on. Its methods may be called from any
/// thread (the shell thread runs cells).
public final class DebugLink: Sendable {
    /// The one thread that runs cells, as the protocol numbers it.
    public static let threadID = 1

    private let cells: CellFiles
    private let messages: DebugMessages

    init(cells: CellFiles, messages: DebugMessages) {
        self.cells = cells
        self.messages = messages
    }

    /// The file path JupyterLab gives a cell holding `code`: breakpoints arrive on it, and
    /// frames of the cell must name it.
    public func cellPath(for code: String) -> String {
        cells.path(for: code)
    }

    /// Publishes `stopped`: the cell waits at a statement.
    public func stopped(_ reason: DebugStopReason) {
        messages.publish(event: "stopped", body: [
            "reason": .string(reason.rawValue), "threadId": .int(Self.threadID), "allThreadsStopped": true,
        ])
    }

    /// Publishes `continued`: the paused cell runs again.
    public func continued() {
        messages.publish(event: "continued", body: ["threadId": .int(Self.threadID), "allThreadsContinued": true])
    }
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

/// A breakpoint as the debugger placed it.
public struct DebugBreakpoint: Sendable, Equatable {
    /// The line it stops at (1-based), perhaps after the one asked for when that holds no statement.
    public var line: Int
    /// Whether a statement starts on `line`, so the breakpoint can be hit.
    public var verified: Bool
    /// Why it is not verified.
    public var message: String?

    /// Creates a breakpoint.
    public init(line: Int, verified: Bool, message: String? = nil) {
        self.line = line
        self.verified = verified
        self.message = message
    }
}

/// One frame of a paused cell: a function call, or the cell itself.
public struct DebugStackFrame: Sendable, Equatable {
    /// The frame's id, for `scopes` and `richInspect`.
    public var id: Int
    /// What runs in it: a function's name, or the cell's.
    public var name: String
    /// The cell file the frame's code came from (`DebugLink.cellPath`).
    public var path: String
    /// The line it is at (1-based).
    public var line: Int
    /// The column it is at (1-based).
    public var column: Int

    /// Creates a frame.
    public init(id: Int, name: String, path: String, line: Int, column: Int = 1) {
        self.id = id
        self.name = name
        self.path = path
        self.line = line
        self.column = column
    }
}

/// A scope of a frame (`Locals`, `Globals`) whose variables are its children.
public struct DebugScope: Sendable, Equatable {
    /// The name the scope switcher shows.
    public var name: String
    /// What `Debugger.children(of:)` takes to list its variables.
    public var childrenKey: String
    /// How many variables it holds.
    public var count: Int

    /// Creates a scope.
    public init(name: String, childrenKey: String, count: Int) {
        self.name = name
        self.childrenKey = childrenKey
        self.count = count
    }
}
