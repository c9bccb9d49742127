import Foundation
import JupyterKernel
import ReceptiveLanguage
import TextPlots

/// The Receptive language behind the Jupyter kernel: a `Session` answering the kernel's
/// `Interpreter` questions. Variables persist across cells for the kernel's lifetime.
///
/// The session is shared with the debugger's variables panel, which reads it from the control
/// thread; every method here that touches the session holds `SharedSession`'s lock.
public final class ReceptiveInterpreter: Interpreter {
    private let shared: SharedSession
    private let sessionDebugger: SessionDebugger
    /// Where a cell paused by the debugger waits; an interrupt ends the wait.
    private let gate = PauseGate()
    private let widgets: WidgetManager
    private static let exitCommands: Set<String> = ["exit", "quit", "exit()", "quit()"]

    /// Answers with `session` (by default a fresh one with no variables and the default limits).
    public init(session: Session = Session()) {
        shared = SharedSession(session)
        sessionDebugger = SessionDebugger(shared: shared, gate: gate)
        widgets = WidgetManager(session: shared)
    }

    /// The variables panel of JupyterLab's debugger.
    public var debugger: (any Debugger)? { sessionDebugger }

    /// Receptive's `kernel_info_reply` facts.
    public var kernelInfo: KernelInfo { ReceptiveKernelInfo.kernelInfo }

    /// Runs the cell in the session; output and pages go through `context`. A cell that is
    /// just `exit` or `quit` asks the front end to exit, as IPython's do in jupyter console.
    public func execute(_ request: ExecutionRequest, context: ExecutionContext) -> ExecutionOutcome {
        if Self.exitCommands.contains(request.code.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return .success(result: nil, payloads: [.askExit(keepKernel: false)])
        }
        let output = KernelSessionOutput(context: context, widgets: widgets)
        gate.reset()
        switch shared.withSession({ $0.run(request.code, output: output) }) {
        case .success(let figure):
            return .success(result: figure.map { OutputCap().clip($0.mimeBundle) }, payloads: output.pages.map { .page($0.mimeBundle) })
        case .failure(let error):
            return .failure(ename: error.kind.rawValue, evalue: error.message, traceback: error.traceback)
        }
    }

    /// Evaluates one expression for `user_expressions`.
    public func evaluateUserExpression(_ expression: String) -> UserExpressionResult {
        switch shared.withSession({ $0.evaluateExpression(expression) }) {
        case .success(let figure):
            return .value(figure?.mimeBundle ?? ["text/plain": "none"])
        case .failure(let error):
            return .failure(ename: error.kind.rawValue, evalue: error.message, traceback: error.traceback)
        }
    }

    /// Builtins, variables, fields and named arguments at the cursor.
    public func complete(code: String, cursorPosition: Int) -> CompletionResult {
        let found = shared.withSession { $0.completions(in: code, cursorPosition: cursorPosition) }
        return CompletionResult(matches: found.matches, cursorStart: found.start, cursorEnd: found.end)
    }

    /// The signature and doc of a builtin, or a preview of a user value.
    public func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle? {
        shared.withSession { $0.inspection(in: code, cursorPosition: cursorPosition)?.mimeBundle }
    }

    /// Whether the code can run or needs more lines.
    public func isComplete(code: String) -> CompletenessResult {
        switch shared.withSession({ $0.completeness(of: code) }) {
        case .complete: .complete
        case .incomplete(let indent): .incomplete(indent: indent)
        case .invalid: .invalid
        }
    }

    /// Stops the running cell (or widget callback) at its next interrupt check; a cell paused by the
    /// debugger ends at once.
    public func interrupt() {
        shared.requestInterrupt()
        gate.interrupt()
    }

    /// The Jupyter widget targets: `jupyter.widget` and `jupyter.widget.control`.
    public var commTargets: Set<String> { WidgetManager.targets }

    /// Accepts the front end's widget control comm; widget models opened by the front end
    /// are refused.
    public func commOpened(_ comm: CommMessage, context: ExecutionContext) -> Bool {
        widgets.opened(comm)
    }

    /// A widget update or state request: applied, answered, and the interactions of changed
    /// controls rendered again.
    public func commMessage(_ message: CommMessage, context: ExecutionContext) {
        // A callback may stop at a breakpoint as a cell does; an interrupt meant for an
        // earlier cell must not end it there.
        gate.reset()
        widgets.received(message, context: context)
    }

    /// The front end closed a widget's comm.
    public func commClosed(_ message: CommMessage, context: ExecutionContext) {
        widgets.closed(message)
    }
}

extension Figure {
    /// `text/plain`, plus `text/html` when the figure has one.
    var mimeBundle: MimeBundle {
        var bundle = ["text/plain": text]
        if let html { bundle["text/html"] = html }
        return bundle
    }
}
