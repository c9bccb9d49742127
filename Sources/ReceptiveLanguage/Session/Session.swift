import Foundation
import Tensors
import TextPlots

/// A persistent interpreter state: variables and functions survive across `run` calls.
///
/// Each session owns its `ExecutionControl` (interrupt flag, element cap, progress observer)
/// and hands it to everything it runs, so sessions in one process never see each other's
/// limits or interrupts.
///
/// `run`, `evaluateExpression`, `completions`, `inspection` and `completeness` must be called
/// from one thread at a time (the kernel's shell thread); `requestInterrupt` may be called from
/// any thread while `run` works, because it only sets an atomic flag. That division is why the
/// conformance is unchecked.
public final class Session: @unchecked Sendable {
    /// This session's interrupt flag, element cap and progress observer.
    let control: ExecutionControl

    /// The interpreter state (internal so tests can reach its parts).
    let evaluator: Evaluator

    /// When progress bars appear (tests make them immediate and deterministic).
    var progressTiming = ProgressTiming.standard

    /// Breakpoints and pauses for a debugger; cells run unmarked while none is attached.
    public let debugging: CellDebugging
    /// Stops cells where `debugging` says, on the session's thread.
    let stepper: CellStepper

    /// Creates a session with no variables, default rendering options in `charset`, and a cap
    /// of `maxElements` elements per tensor (`set(max_elements:)` and `set(charset:)` change
    /// them for this session only). `load` and `save` resolve relative paths against
    /// `workingDirectory`, or against the process's current directory when it is nil.
    public init(maxElements: Int = ExecutionControl.defaultMaxElements, workingDirectory: URL? = nil,
                charset: Charset = .unicode) {
        control = ExecutionControl(maxElements: maxElements)
        let debugging = CellDebugging()
        self.debugging = debugging
        evaluator = Evaluator(control: control, workingDirectory: workingDirectory, debugging: debugging)
        evaluator.renderOptions.charset = charset
        stepper = CellStepper(debugging: debugging)
    }

    /// The characters this session draws results, figures and errors with.
    public var charset: Charset { evaluator.renderOptions.charset }

    /// Runs one cell/script. The cell's result is the last statement's value when it is an
    /// expression not ending in ';' and not none (docs/language.md#running-code).
    public func run(_ source: String, output: any SessionOutput) -> RunResult {
        control.clearInterrupt()
        // A request that stopped this cell (or came after it ended) must not stop the next one.
        defer { control.clearInterrupt() }
        return LargeStack.run {
            let statements: [Statement]
            switch Parser.parse(source) {
            case .success(let parsed): statements = parsed
            case .failure(let failure): return .failure(report(failure.errors, source: source))
            }
            evaluator.output = output
            evaluator.currentSource = source
            prepareDebugging()
            defer {
                evaluator.output = nil
                stepper.reset()
            }
            let bar = ProgressBar(output: output, width: evaluator.renderOptions.width,
                                  charset: evaluator.renderOptions.charset, timing: progressTiming)
            return control.observingProgress(bar) {
                evaluate(source) { try evaluator.run(statements) }
            }
        }
    }

    /// Evaluates one expression without side effects on output (Jupyter user_expressions).
    public func evaluateExpression(_ source: String) -> RunResult {
        LargeStack.run {
            let statements: [Statement]
            switch Parser.parse(source) {
            case .success(let parsed): statements = parsed
            case .failure(let failure): return .failure(report(failure.errors, source: source))
            }
            evaluator.currentSource = source
            prepareDebugging()
            defer { stepper.reset() }
            guard statements.count == 1, case .expression(let expression, _) = statements[0].kind else {
                let error = RuntimeError.notASingleExpression(statementCount: statements.count)
                return .failure(report([error], source: source))
            }
            return evaluate(source) { try evaluator.evaluate(expression) }
        }
    }

    /// The instructions the compiler writes for `source`, as text, without running it (for
    /// looking at what a cell compiles to); a syntax error gives its message instead.
    public func listing(of source: String) -> String {
        LargeStack.run {
            switch Parser.parse(source) {
            case .success(let statements):
                do {
                    try evaluator.prepareToRun(statements)
                    return try Compiler.compileCell(statements, evaluator: evaluator, source: source,
                                                    options: evaluator.compileOptions).listing
                } catch {
                    return "\(error)"
                }
            case .failure(let failure):
                return ReportedError(failure.errors, source: source).rendered
            }
        }
    }

    /// Marks statements for the debugger while one is attached (a flag read once per cell, so
    /// code run without a debugger pays nothing per statement). Each run ends with `stepper.reset()`.
    func prepareDebugging() {
        let attached = debugging.isAttached
        evaluator.compileOptions.traceStatements = attached
        evaluator.statementHook = attached ? { [stepper] in try stepper.statement($0) } : nil
        stepper.reset()
    }

    /// Thread-safe: stops a running `run` soon (sets this session's interrupt flag; other
    /// sessions keep running).
    public func requestInterrupt() {
        control.requestInterrupt()
    }

    /// Whether code is complete (open brackets/blocks → incomplete with an indent).
    public func completeness(of code: String) -> Completeness {
        CompletenessChecker.check(code)
    }

    /// Completion candidates; positions are Unicode-scalar (code point) offsets.
    public func completions(in code: String, cursorPosition: Int) -> (matches: [String], start: Int, end: Int) {
        CompletionService(evaluator: evaluator).complete(code, cursor: cursorPosition)
    }

    /// Signature+doc for a builtin, or type/shape/preview for a user value, at the cursor.
    public func inspection(in code: String, cursorPosition: Int) -> Figure? {
        InspectionService(evaluator: evaluator).inspect(code, cursor: cursorPosition)
    }

    private func evaluate(_ source: String, _ body: () throws -> Value) -> RunResult {
        do {
            let value = try body()
            if case .none = value { return .success(nil) }
            return .success(value.rendered(options: evaluator.renderOptions))
        } catch let error as RuntimeError {
            return .failure(report([error], source: source))
        } catch let error as TensorError {
            return .failure(report([RuntimeError(error)], source: source))
        } catch {
            return .failure(report([RuntimeError(.io, "\(error)")], source: source))
        }
    }

    /// The errors of a cell as front ends show them, in the session's charset (read when the
    /// cell ends, so a cell that sets the charset reports its own errors in the new one).
    private func report(_ errors: [RuntimeError], source: String) -> ReportedError {
        ReportedError(errors, source: source, charset: evaluator.renderOptions.charset)
    }
}
