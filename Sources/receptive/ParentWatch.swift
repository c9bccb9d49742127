import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the kernel when the process that started it is gone, as ipykernel's parent poller
/// does (ipykernel/parentpoller.py `ParentPollerUnix`).
///
/// jupyter_client names itself in `JPY_PARENT_PID` when it starts a kernel it owns. A Jupyter
/// server that dies without shutting its kernels down (JupyterHub stops single-user servers
/// with SIGINT, which jupyter_server answers by exiting without a kernel cleanup; or SIGKILL)
/// would otherwise leave them running, unowned, for good.
enum ParentWatch {
    /// Checks once a second whether the parent changed (or, when `JPY_PARENT_PID` did not name
    /// the actual parent, whether it became init) and then runs `shutdown` once. Nil when no
    /// owner is named: a kernel started by hand or by a launcher that manages it itself.
    static func start(environment: [String: String] = ProcessInfo.processInfo.environment,
                      shutdown: @escaping @Sendable () -> Void) -> (any DispatchSourceTimer)? {
        guard let named = environment["JPY_PARENT_PID"].flatMap(Int32.init), named > 1 else { return nil }
        let parent = getppid() == named ? named : 0
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        // The handler holds the timer until it cancels it: a cancelled source releases its handler.
        timer.setEventHandler {
            let current = getppid()
            guard parent == 0 ? current == 1 : current != parent else { return }
            timer.cancel()
            shutdown()
        }
        timer.resume()
        return timer
    }
}
