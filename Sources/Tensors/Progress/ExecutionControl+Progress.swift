/// The progress half of a control: who hears about long operations, and whether one is running.
struct ProgressState: Sendable {
    /// The observer of the operations run under this control, if any.
    var observer: (any ProgressObserver)?
    /// Whether a tracked operation is running; nested ones stay silent so that the outermost
    /// operation (say `timeit` around a convolution) owns the bar.
    var isTracking = false
}

extension ExecutionControl {
    /// Runs `body` with `observer` receiving the progress of the operations run under this
    /// control; the previous observer (usually none) is restored afterwards.
    public func observingProgress<Result>(
        _ observer: any ProgressObserver, _ body: () throws -> Result
    ) rethrows -> Result {
        let previous = progress.withLock { state in
            let previous = state.observer
            state.observer = observer
            return previous
        }
        defer { progress.withLock { $0.observer = previous } }
        return try body()
    }

    /// Runs an operation of `total` steps named `label`; `body` advances the counter (from any
    /// thread). The observer hears the end even when `body` throws.
    public func trackProgress<Result>(
        _ label: String, total: Int, _ body: (ProgressCounter) throws -> Result
    ) rethrows -> Result {
        let observer: (any ProgressObserver)? = progress.withLock { state in
            guard let observer = state.observer, !state.isTracking else { return nil }
            state.isTracking = true
            return observer
        }
        guard let observer else {
            return try body(ProgressCounter(label: label, total: total, observer: nil))
        }
        defer {
            progress.withLock { $0.isTracking = false }
            observer.progressEnded()
        }
        let counter = ProgressCounter(label: label, total: total, observer: observer)
        observer.progressChanged(label: label, done: 0, total: counter.total)
        return try body(counter)
    }
}
