import Foundation
@testable import ReceptiveLanguage
import Synchronization
import Tensors

/// Runs fuzz inputs one after another on a large-stack thread (like `Session.run`), in
/// sessions with a small allocation cap, while the caller's thread watches for an input that
/// runs too long and interrupts it.
final class FuzzRunner: Sendable {
    /// Why an input failed, with the input itself so it can become a regression script.
    struct Failure: Sendable, CustomStringConvertible {
        var index: Int
        var reason: String
        var input: String
        var description: String { "input #\(index): \(reason)\n--- input ---\n\(input)\n-------------" }
    }

    /// What a finished run found.
    struct Report: Sendable {
        var inputs = 0
        var typedErrors = 0
        var slowButInterrupted: [Failure] = []
        var failures: [Failure] = []
    }

    private struct Progress {
        var index = -1
        var started: ContinuousClock.Instant?
        var source = ""
        var interrupt: (@Sendable () -> Void)?
        var interrupted = false
        var report = Report()
        var finished = false
    }

    /// Elements one tensor may have while fuzzing: enough for every golden script, far below a gigabyte.
    static let maxElements = 200_000
    /// How often a fresh session replaces the reused one (state carries between its inputs).
    static let inputsPerSession = 64

    private let state = Mutex(Progress())
    private let count: Int
    private let inputTimeout: Duration
    /// How long an interrupted input may take to stop before it counts as a hang. Not a multiple
    /// of `inputTimeout`: on a loaded machine (2 cores shared by parallel builds, load average 11
    /// seen) the worker thread can wait seconds for a core, and a 2 s grace reported a legal,
    /// interruptible input as a hang. A true hang never stops, so a long grace delays its report
    /// but cannot hide it.
    private let interruptGrace: Duration = .seconds(20)

    /// Prepares a run of `count` inputs, each allowed `inputTimeout` before it is interrupted.
    init(count: Int, inputTimeout: Duration) {
        self.count = count
        self.inputTimeout = inputTimeout
    }

    /// Runs `count` inputs made by `makeInput(index)` and returns what they did. Blocks; an input
    /// that ignores its interrupt for `interruptGrace` ends the run as a hang.
    func run(_ makeInput: @escaping @Sendable (Int) -> String) -> Report {
        let thread = Thread { [self] in work(makeInput) }
        thread.stackSize = LargeStack.size
        thread.start()
        return watch()
    }

    private func watch() -> Report {
        let clock = ContinuousClock()
        while true {
            Thread.sleep(forTimeInterval: 0.05)
            let verdict: Report? = state.withLock { progress in
                if progress.finished { return progress.report }
                guard let started = progress.started else { return nil }
                let elapsed = clock.now - started
                if !progress.interrupted && elapsed > inputTimeout {
                    progress.interrupted = true
                    progress.interrupt?()
                } else if progress.interrupted && elapsed > inputTimeout + interruptGrace {
                    // The worker thread is stuck; report instead of waiting forever.
                    progress.report.failures.append(Failure(
                        index: progress.index, reason: "hang: still running \(elapsed) after an interrupt", input: progress.source))
                    return progress.report
                }
                return nil
            }
            if let verdict { return verdict }
        }
    }

    private func work(_ makeInput: (Int) -> String) {
        let output = DiscardingOutput()
        var session = Session(maxElements: Self.maxElements)
        for index in 0..<count {
            if index % Self.inputsPerSession == 0 { session = Session(maxElements: Self.maxElements) }
            let source = makeInput(index)
            let interrupt: @Sendable () -> Void = { [session] in session.requestInterrupt() }
            state.withLock { progress in
                progress = Progress(index: index, started: ContinuousClock.now, source: source,
                                    interrupt: interrupt, report: progress.report)
            }
            let outcome = FuzzEvaluation.run(source, in: session, output: output)
            state.withLock { progress in
                progress.report.inputs += 1
                switch outcome {
                case .ran: break
                case .typedError(.interrupted) where progress.interrupted:
                    progress.report.slowButInterrupted.append(Failure(index: index, reason: "slow", input: source))
                case .typedError: progress.report.typedErrors += 1
                case .untypedError(let description):
                    progress.report.failures.append(Failure(index: index, reason: "untyped error: \(description)", input: source))
                }
                progress.started = nil
            }
        }
        state.withLock { $0.finished = true }
    }
}
