import Synchronization

/// One session's "stop now" request, set from the kernel's control thread.
///
/// The tensor core's process-wide flag (`ExecutionControl.shared`) is also set, so long tensor
/// operations stop too; this per-session flag keeps the request alive even when another
/// session clears the shared flag as it starts a cell.
final class InterruptFlag: Sendable {
    private let requested = Atomic<Bool>(false)

    /// Asks the running cell to stop.
    func request() { requested.store(true, ordering: .releasing) }

    /// Forgets a pending request (a new cell starts).
    func clear() { requested.store(false, ordering: .releasing) }

    /// Whether a stop was requested (read by every loop iteration, hence inlined).
    @inline(__always)
    var isRequested: Bool { requested.load(ordering: .acquiring) }
}
