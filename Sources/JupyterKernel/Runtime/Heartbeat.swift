import Logging
import ZeroMQ

/// Echoes every heartbeat ping on a REP socket, on its own thread, so clients see the kernel
/// alive even while a cell computes.
struct Heartbeat {
    let socket: Socket
    let lifecycle: KernelLifecycle
    let logger: Logger

    /// Echoes until the kernel stops.
    func run() {
        while !lifecycle.isStopping {
            do {
                guard let ping = try socket.receive(timeoutMilliseconds: 100) else { continue }
                try socket.send(ping)
            } catch {
                logger.error("heartbeat stopped: \(error)")
                return
            }
        }
    }
}
