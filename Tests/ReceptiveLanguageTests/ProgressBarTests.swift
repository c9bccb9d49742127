@testable import ReceptiveLanguage
import Synchronization
import Tensors
import Testing
import TextPlots

/// Records progress calls (text, id, update) and ignores everything else.
private final class ProgressRecorder: SessionOutput {
    private(set) var calls: [(text: String, id: String, update: Bool)] = []
    func write(_ text: String, toStandardError: Bool) {}
    func display(_ figure: Figure, id: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ figure: Figure) {}
    func readInput(prompt: String, password: Bool) throws -> String { "" }
    func showProgress(_ text: String, id: String, update: Bool) { calls.append((text, id, update)) }
}

/// A clock that moves one second every time it is read.
private func steppingClock() -> @Sendable () -> ContinuousClock.Instant {
    let base = ContinuousClock.now
    let ticks = Atomic<Int>(0)
    return { base.advanced(by: .seconds(ticks.add(1, ordering: .relaxed).newValue)) }
}

@Suite struct ProgressBarTests {
    @Test func longTimeitShowsUpdatesAndClearsOneDisplay() throws {
        let session = Session()
        session.progressTiming = ProgressTiming(delay: .zero, now: steppingClock())
        let output = ProgressRecorder()
        let result = session.run("fn work() = 1 + 1\ntimeit(work, repeat: 4);", output: output)
        guard case .success = result else { Issue.record("the cell failed: \(result)"); return }
        let calls = output.calls
        try #require(calls.count >= 3)
        #expect(!calls[0].update)
        #expect(calls.dropFirst().allSatisfy { $0.update })
        #expect(Set(calls.map(\.id)).count == 1)
        #expect(calls[0].text.hasPrefix("timeit "))
        #expect(calls.dropLast().last?.text.contains("100%") == true)
        #expect(calls.last?.text == "")
    }

    @Test func fastOperationsShowNoBarUnderTheDefaultDelay() {
        let session = Session()
        session.progressTiming = ProgressTiming(delay: .seconds(1))
        let output = ProgressRecorder()
        let result = session.run("fn work() = 1 + 1\ntimeit(work, repeat: 3);", output: output)
        guard case .success = result else { Issue.record("the cell failed: \(result)"); return }
        #expect(output.calls.isEmpty)
    }

    @Test func barFitsTheWidthAndShowsPercentAndTime() {
        let text = ProgressBar.text(label: "conv", done: 58, total: 100, elapsed: .milliseconds(3100), width: 40)
        #expect(text.count <= 40)
        #expect(text.hasPrefix("conv █"))
        #expect(text.hasSuffix(" 58%  (3.1 s)"))
    }
}
