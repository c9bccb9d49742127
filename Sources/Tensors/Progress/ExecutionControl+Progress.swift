extension ExecutionControl {
    /// The observer of operations started on this thread (bound by `withProgressObserver`).
    @TaskLocal private static var progressObserver: (any ProgressObserver)?

    /// Whether a tracked operation is already running on this thread; nested ones stay silent
    /// so that the outermost operation (say `timeit` around a convolution) owns the bar.
    @TaskLocal private static var isTracking = false

    /// Runs `body` with `observer` receiving the progress of operations it starts on this thread.
    public static func withProgressObserver<Result>(
        _ observer: any ProgressObserver, _ body: () throws -> Result
    ) rethrows -> Result {
        try $progressObserver.withValue(observer) { try body() }
    }

    /// Runs an operation of `total` steps named `label`; `body` advances the counter (from any
    /// thread). The observer hears the end even when `body` throws.
    public static func trackProgress<Result>(
        _ label: String, total: Int, _ body: (ProgressCounter) throws -> Result
    ) rethrows -> Result {
        guard let observer = progressObserver, !isTracking else {
            return try body(ProgressCounter(label: label, total: total, observer: nil))
        }
        defer { observer.progressEnded() }
        let counter = ProgressCounter(label: label, total: total, observer: observer)
        observer.progressChanged(label: label, done: 0, total: counter.total)
        return try $isTracking.withValue(true) { try body(counter) }
    }
}
