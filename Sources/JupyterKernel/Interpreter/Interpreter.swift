/// The one interface between the kernel and a language, in the manner of xeus's `xinterpreter`.
///
/// The kernel owns everything cross-cutting (execution count, `execute_input`, busy/idle,
/// history, reply envelopes, stop-on-error). An interpreter only evaluates code and answers
/// questions about it, and reaches the front end through the `ExecutionContext` it is handed.
/// `kernelInfo` and `commTargets` are read once, before the kernel's threads start; the other
/// methods but `interrupt()` are called on the shell thread, one at a time (so a comm handler
/// never runs while a cell does); `interrupt()` is called from
/// the control thread (or on SIGINT) while `execute` may be running.
public protocol Interpreter: AnyObject {
    /// Static facts for `kernel_info_reply`.
    var kernelInfo: KernelInfo { get }

    /// Runs one cell. Output goes through `context`; the returned outcome becomes the reply.
    func execute(_ request: ExecutionRequest, context: ExecutionContext) -> ExecutionOutcome

    /// Evaluates one `user_expressions` entry after a successful execution.
    func evaluateUserExpression(_ expression: String) -> UserExpressionResult

    /// Completion candidates at `cursorPosition`, counted in Unicode code points.
    func complete(code: String, cursorPosition: Int) -> CompletionResult

    /// Documentation for the name at `cursorPosition` (code points), or nil when there is none.
    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle?

    /// Whether `code` is ready to run, needs more lines, or cannot be valid.
    func isComplete(code: String) -> CompletenessResult

    /// Asks a running `execute` (or comm handler) to stop soon; safe to call from any thread.
    func interrupt()

    /// The language's side of Jupyter's debugger, or nil when it has none; read once, as the
    /// kernel starts. With one, the kernel answers `debug_request` and says so in
    /// `kernel_info_reply` (`supported_features: ["debugger"]`).
    var debugger: (any Debugger)? { get }

    /// The comm targets a front end may open comms on; a `comm_open` on any other target is
    /// answered with `comm_close` (as ipykernel and xeus do). Read once, as the kernel starts.
    var commTargets: Set<String> { get }

    /// The front end opened a comm on one of `commTargets`; false refuses it, and the kernel
    /// closes it. Replies and other output go through `context`, parented to the `comm_open`.
    func commOpened(_ comm: CommMessage, context: ExecutionContext) -> Bool

    /// A `comm_msg` arrived on an open comm (the kernel drops those for unknown ids).
    func commMessage(_ message: CommMessage, context: ExecutionContext)

    /// The front end closed an open comm.
    func commClosed(_ message: CommMessage, context: ExecutionContext)
}

extension Interpreter {
    /// No debugger.
    public var debugger: (any Debugger)? { nil }

    /// No comm targets: every `comm_open` from a front end is closed at once.
    public var commTargets: Set<String> { [] }

    /// Refuses the comm.
    public func commOpened(_ comm: CommMessage, context: ExecutionContext) -> Bool { false }

    /// Ignores the message.
    public func commMessage(_ message: CommMessage, context: ExecutionContext) {}

    /// Nothing to forget.
    public func commClosed(_ message: CommMessage, context: ExecutionContext) {}
}
