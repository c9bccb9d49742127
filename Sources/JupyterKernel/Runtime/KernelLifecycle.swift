import Dispatch
import Synchronization

/// Whether the kernel is stopping, shared by every thread; the main thread waits on it.
final class KernelLifecycle: Sendable {
    private let state = Mutex<(stopping: Bool, restart: Bool)>((false, false))
    private let stopped = DispatchSemaphore(value: 0)

    /// Whether a shutdown was requested; loops check this between requests.
    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Starts stopping the kernel; the first request decides `restart`, later ones are ignored.
    func requestShutdown(restart: Bool) {
        let first = state.withLock { state in
            guard !state.stopping else { return false }
            state = (true, restart)
            return true
        }
        if first { stopped.signal() }
    }

    /// Blocks until a shutdown is requested and returns whether a restart was asked.
    func waitForShutdown() -> Bool {
        stopped.wait()
        return state.withLock { $0.restart }
    }
}
