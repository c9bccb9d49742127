import Dispatch
import Foundation
@testable import ReceptiveLanguage
import Synchronization
import Testing
import TextPlots

/// Two sessions in one process (the kernel and a widget callback, or the debugger, or tests
/// running in parallel) each have their own execution control: neither sees the other's
/// element cap or interrupts.
struct SessionIsolationTests {
    @Test func eachSessionSeesOnlyItsOwnElementCap() {
        let small = Session(maxElements: 100)
        let large = Session()
        let output = RecordingOutput()
        output.record(small.run("zeros(1000)", output: output))
        output.record(large.run("zeros(1000).shape", output: output))
        // set(max_elements:) changes only the session that runs it.
        output.record(large.run("set(max_elements: 50)", output: output))
        output.record(small.run("zeros(100).shape", output: output))
        output.record(large.run("zeros(100)", output: output))
        output.record(Session().run("zeros(1000).shape", output: output))
        #expect(output.lines == [
            "error: LimitError: a tensor of 1000 elements exceeds the cap of 100; use smaller sizes or raise it with set(max_elements:)",
            "[1000]",
            "[100]",
            "error: LimitError: a tensor of 100 elements exceeds the cap of 50; use smaller sizes or raise it with set(max_elements:)",
            "[1000]",
        ])
    }

    @Test func interruptingOneSessionLeavesAnotherRunning() throws {
        let interrupted = Session()
        let other = Session()
        let interruptedOutput = SignallingOutput()
        let otherOutput = SignallingOutput()
        // input() holds each cell mid-run until the test releases it, so the order below does
        // not depend on timing. Without its interrupt the first cell would run for minutes.
        let spin = BackgroundRun(interrupted, """
            print("started")
            go = input("")
            img = ones(64, 64)
            for i in arange(10000) { for j in arange(1000) { y = correlate(img, ones(3, 3)) } }
            """, output: interruptedOutput)
        let work = BackgroundRun(other, """
            print("started")
            img = ones(64, 64)
            total = 0
            for i in arange(200) { total = total + sum(correlate(img, ones(3, 3))) }
            go = input("")
            for i in arange(200) { total = total + sum(correlate(img, ones(3, 3))) }
            total
            """, output: otherOutput)
        #expect(interruptedOutput.started.wait(timeout: .now() + 30) == .success)
        #expect(otherOutput.started.wait(timeout: .now() + 30) == .success)
        interrupted.requestInterrupt()
        // The other session's loops and tensor operations run to the end while the first
        // session's interrupt is pending.
        otherOutput.releaseInput.signal()
        let finished = try #require(work.result(timeout: 60))
        guard case .success(let figure) = finished else {
            Issue.record("the other session's cell failed: \(finished)")
            return
        }
        // 400 valid correlations of 64×64 ones with 3×3 ones: 62 · 62 · 9 each.
        #expect(figure?.text == "13838400")
        interruptedOutput.releaseInput.signal()
        let stopped = try #require(spin.result(timeout: 30))
        guard case .failure(let error) = stopped else {
            Issue.record("expected the interrupted session's cell to fail")
            return
        }
        #expect(error.kind == .interrupted)
        // The interrupted session runs its next cell normally.
        guard case .success(let two) = interrupted.run("1 + 1", output: RecordingOutput()) else {
            Issue.record("expected the next cell to run")
            return
        }
        #expect(two?.text == "2")
    }
}

/// Runs one cell on its own thread (as a second kernel's shell thread would).
private final class BackgroundRun: Sendable {
    private let outcome = Mutex<RunResult?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ session: Session, _ source: String, output: SignallingOutput) {
        Thread.detachNewThread { [self] in
            let result = session.run(source, output: output)
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// The cell's result, or nil when it has not finished within `seconds`.
    func result(timeout seconds: Double) -> RunResult? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return outcome.withLock { $0 }
    }
}

/// Signals when the cell prints, and makes `input()` wait until the test releases it.
/// Only the cell's thread calls its methods; the test thread only touches the semaphores,
/// which is what makes the unchecked conformance sound.
private final class SignallingOutput: SessionOutput, @unchecked Sendable {
    /// Signalled at every write (the cells print "started" first).
    let started = DispatchSemaphore(value: 0)
    /// Signalled by the test to let `input()` return.
    let releaseInput = DispatchSemaphore(value: 0)

    func write(_ text: String, toStandardError: Bool) { started.signal() }
    func display(_ figure: Figure, id: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ figure: Figure) {}

    func readInput(prompt: String, password: Bool) throws -> String {
        guard releaseInput.wait(timeout: .now() + 60) == .success else {
            throw RuntimeError(.io, "the test never released input()")
        }
        return "go"
    }
}
