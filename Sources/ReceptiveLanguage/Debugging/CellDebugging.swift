import Synchronization
import Tensors

/// Why a cell paused.
public enum PauseReason: Sendable, Equatable {
    /// It reached a statement on a breakpoint's line.
    case breakpoint
    /// It finished a step.
    case step
    /// A pause was requested while it ran.
    case pause
}

/// How a paused cell goes on.
public enum ResumeCommand: Sendable, Equatable {
    /// To the next breakpoint.
    case run
    /// To the next statement of the same call or an outer one.
    case stepOver
    /// To the next statement anywhere (into a function the statement calls).
    case stepInto
    /// To the next statement of an outer call.
    case stepOut
    /// End the cell now, as an interrupt does.
    case abort
}

/// Hears of every pause, on the session's thread, and says how to go on; it may block (the
/// cell waits in it), and must answer `.abort` when the cell is interrupted meanwhile.
public protocol PauseHandler: AnyObject, Sendable {
    /// The cell stopped at a statement for `reason`; `cell` is a snapshot of its calls.
    func paused(_ cell: PausedCell, reason: PauseReason) -> ResumeCommand
}

/// A session's breakpoints and pause requests, set from any thread (the kernel's control
/// thread) while cells run on the session's.
///
/// While no debugger is attached, cells compile with no statement markers and run exactly as
/// without this (`Session.run` reads one flag per cell). Attached, every statement of the
/// cells run from then on (and of the functions they define) starts with a marker; where
/// `mayStop` says one could stop, the marker calls `CellStepper`, which stops where a
/// breakpoint, a step or a pause says. A cell already running when the debugger attaches, and
/// functions defined before, run on unmarked: they cannot stop.
public final class CellDebugging: Sendable {
    private struct Attachment {
        let handler: any PauseHandler
        /// The name a cell's text goes by (the kernel's cell file path).
        let sourceName: @Sendable (String) -> String
    }

    private let attachment = Mutex<Attachment?>(nil)
    /// Whether `attachment` is set, read once per cell without the lock.
    private let attached = Atomic<Bool>(false)
    private let breakpoints = Mutex<[String: Set<Int>]>([:])
    /// Whether any cell has a breakpoint: with none (the debugger on, nothing clicked), a
    /// statement that is not ending a step costs two atomic loads.
    private let anyBreakpoints = Atomic<Bool>(false)
    /// Bumped on every change of breakpoints or attachment, so the stepper knows to look again.
    private let generation = Atomic<Int>(0)
    private let pauseRequested = Atomic<Bool>(false)
    /// Whether the session's thread is in a step (next, step in, step out), set by its stepper.
    private let stepping = Atomic<Bool>(false)

    init() {}

    /// Starts debugging the cells run from now on: pauses go to `handler`, and breakpoints
    /// name cells by `sourceName` of their text.
    public func attach(_ handler: any PauseHandler, sourceName: @escaping @Sendable (String) -> String) {
        attachment.withLock { $0 = Attachment(handler: handler, sourceName: sourceName) }
        attached.store(true, ordering: .releasing)
        generation.add(1, ordering: .releasing)
    }

    /// Stops debugging: no more breakpoints, steps or pauses; cells run unmarked again.
    public func detach() {
        attachment.withLock { $0 = nil }
        attached.store(false, ordering: .releasing)
        breakpoints.withLock {
            $0.removeAll()
            anyBreakpoints.store(false, ordering: .releasing)
        }
        pauseRequested.store(false, ordering: .releasing)
        generation.add(1, ordering: .releasing)
    }

    /// Replaces the breakpoints of the cell named `source` with `lines` (1-based).
    public func setBreakpoints(_ lines: Set<Int>, source: String) {
        breakpoints.withLock {
            $0[source] = lines.isEmpty ? nil : lines
            anyBreakpoints.store(!$0.isEmpty, ordering: .releasing)
        }
        generation.add(1, ordering: .releasing)
    }

    /// Asks the running cell to pause at its next statement.
    public func requestPause() {
        pauseRequested.store(true, ordering: .releasing)
    }

    /// Whether a debugger is attached.
    var isAttached: Bool { attached.load(ordering: .acquiring) }

    /// The attached handler and naming, when attached.
    fileprivate var current: (handler: any PauseHandler, sourceName: @Sendable (String) -> String)? {
        attachment.withLock { $0.map { ($0.handler, $0.sourceName) } }
    }

    fileprivate var currentGeneration: Int { generation.load(ordering: .acquiring) }

    /// Whether a statement could stop: a breakpoint is set somewhere, a pause is asked for, or
    /// a step is in progress. The machine's loop reads this inline at every statement marker
    /// and calls the stepper only when it is true, so a debugger switched on with nothing to
    /// stop at costs three atomic loads a statement (a call through the loop's slow path, the
    /// hook closure and the stepper made a 10⁶-iteration loop 14× slower than unmarked code).
    var mayStop: Bool {
        anyBreakpoints.load(ordering: .acquiring) || pauseRequested.load(ordering: .relaxed)
            || stepping.load(ordering: .relaxed)
    }

    /// The stepper started or ended a step (on the session's thread).
    fileprivate func setStepping(_ isStepping: Bool) {
        stepping.store(isStepping, ordering: .relaxed)
    }

    fileprivate func lines(of source: String) -> Set<Int> {
        breakpoints.withLock { $0[source] ?? [] }
    }

    /// Takes a pending pause request.
    fileprivate func takePauseRequest() -> Bool {
        pauseRequested.load(ordering: .relaxed) && pauseRequested.exchange(false, ordering: .acquiring)
    }

    /// Forgets a pause request left from a cell that ended before reaching a statement.
    func clearPauseRequest() {
        pauseRequested.store(false, ordering: .releasing)
    }
}

/// The session thread's side of debugging: called at every statement of marked code, it
/// decides whether to stop (a pause request, the end of a step, a breakpoint) and, stopped,
/// waits for the handler's answer. Used only on the session's thread.
final class CellStepper {
    private enum Mode {
        case free
        case into
        case over(depth: Int)
        case out(depth: Int)
    }

    private let debugging: CellDebugging
    private var mode = Mode.free {
        didSet {
            if case .free = mode { debugging.setStepping(false) } else { debugging.setStepping(true) }
        }
    }
    /// Each code's breakpoint lines, as of `generation`; keyed by the code object, which the
    /// entry keeps alive so its identifier cannot be reused.
    private var cache: [ObjectIdentifier: (code: FunctionCode, lines: Set<Int>)] = [:]
    private var generation = -1

    init(debugging: CellDebugging) {
        self.debugging = debugging
    }

    /// Forgets a step in progress (a step never carries into the next cell) and the code seen.
    func reset() {
        mode = .free
        cache.removeAll()
        debugging.clearPauseRequest()
    }

    /// The statement marker of the innermost frame of `evaluator`'s machine was reached.
    func statement(_ evaluator: Evaluator) throws {
        guard debugging.mayStop else { return }
        let machine = evaluator.machine
        let depth = machine.frameCount
        let frame = machine.frames[depth - 1]
        let code = frame.function
        let line = Int(code.instructions[frame.pc - 1].a)
        let reason: PauseReason
        if debugging.takePauseRequest() {
            reason = .pause
        } else if breakpointLines(of: code).contains(line) {
            reason = .breakpoint
        } else {
            switch mode {
            case .free: return
            case .into: reason = .step
            case .over(let start): guard depth <= start else { return }
                reason = .step
            case .out(let start): guard depth < start else { return }
                reason = .step
            }
        }
        guard let handler = debugging.current?.handler else { return }
        switch handler.paused(evaluator.pausedCell(), reason: reason) {
        case .run: mode = .free
        case .stepOver: mode = .over(depth: depth)
        case .stepInto: mode = .into
        case .stepOut: mode = .out(depth: depth)
        case .abort: throw RuntimeError(TensorError.interrupted)
        }
    }

    private func breakpointLines(of code: FunctionCode) -> Set<Int> {
        let now = debugging.currentGeneration
        if now != generation {
            cache.removeAll()
            generation = now
        }
        if let cached = cache[ObjectIdentifier(code)] { return cached.lines }
        let lines = debugging.current.map { debugging.lines(of: $0.sourceName(code.source)) } ?? []
        cache[ObjectIdentifier(code)] = (code, lines)
        return lines
    }
}
