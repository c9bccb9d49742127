import Synchronization

/// Counts the finished steps of one tracked operation and tells the observer, if any.
///
/// Thread-safe: the worker threads of a parallel loop may advance the same counter.
public final class ProgressCounter: Sendable {
    /// The operation's name, shown before the bar.
    public let label: String
    /// The number of steps the operation takes.
    public let total: Int
    private let done = Atomic<Int>(0)
    private let observer: (any ProgressObserver)?

    init(label: String, total: Int, observer: (any ProgressObserver)?) {
        self.label = label
        self.total = max(1, total)
        self.observer = observer
    }

    /// Records `steps` more finished steps.
    public func advance(by steps: Int = 1) {
        let now = done.add(steps, ordering: .relaxed).newValue
        observer?.progressChanged(label: label, done: min(now, total), total: total)
    }
}
