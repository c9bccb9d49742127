/// Receives the progress of long operations (a session draws it as a progress bar).
///
/// Methods may be called from any thread, including the worker threads of a parallel loop;
/// an implementation that writes output must do so only on the thread it belongs to.
public protocol ProgressObserver: AnyObject, Sendable {
    /// `done` of `total` steps of the operation named `label` are finished.
    func progressChanged(label: String, done: Int, total: Int)
    /// The operation finished (or threw); called once, on the thread that started it.
    func progressEnded()
}
