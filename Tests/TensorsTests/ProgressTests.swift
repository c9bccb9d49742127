import Synchronization
@testable import Tensors
import Testing

/// Counts progress reports from any thread and the ends.
private final class CountingObserver: ProgressObserver {
    let reports = Atomic<Int>(0)
    let largestDone = Atomic<Int>(0)
    let ends = Atomic<Int>(0)
    let labels = Mutex<Set<String>>([])

    func progressChanged(label: String, done: Int, total: Int) {
        reports.add(1, ordering: .relaxed)
        largestDone.max(done, ordering: .relaxed)
        labels.withLock { _ = $0.insert(label) }
    }

    func progressEnded() { ends.add(1, ordering: .relaxed) }
}

private struct Stop: Error {}

@Test func largeConvolutionReportsEveryChunkAndEndsOnce() throws {
    let observer = CountingObserver()
    let control = ExecutionControl()
    let input = try Tensor(repeating: 1, shape: [1, 8, 128, 128], control: control)
    let weight = try Tensor(repeating: 0.5, shape: [8, 8, 3, 3], control: control)
    _ = try control.observingProgress(observer) { try input.conv2d(weight: weight, control: control) }
    // Work under another control is not reported to this control's observer.
    _ = try control.observingProgress(observer) { try input.conv2d(weight: weight, control: ExecutionControl()) }
    #expect(observer.reports.load(ordering: .relaxed) > 2)
    #expect(observer.largestDone.load(ordering: .relaxed) > 1)
    #expect(observer.ends.load(ordering: .relaxed) == 1)
    #expect(observer.labels.withLock { $0 } == ["conv"])
}

@Test func nestedOperationsStaySilentAndThrowingOnesStillEnd() {
    let observer = CountingObserver()
    let control = ExecutionControl()
    #expect(throws: Stop.self) {
        try control.observingProgress(observer) {
            try control.trackProgress("outer", total: 2) { outer in
                control.trackProgress("inner", total: 5) { inner in inner.advance(by: 5) }
                outer.advance()
                throw Stop()
            }
        }
    }
    #expect(observer.labels.withLock { $0 } == ["outer"])
    #expect(observer.ends.load(ordering: .relaxed) == 1)
    // The throw ended the outer operation, so the next one owns the bar again.
    control.observingProgress(observer) {
        control.trackProgress("next", total: 1) { $0.advance() }
    }
    #expect(observer.labels.withLock { $0 } == ["outer", "next"])
}

@Test func anObserverHearsNothingOutsideItsScope() {
    let observer = CountingObserver()
    let control = ExecutionControl()
    control.observingProgress(observer) {}
    control.trackProgress("after", total: 3) { $0.advance(by: 3) }
    #expect(observer.reports.load(ordering: .relaxed) == 0)
}
