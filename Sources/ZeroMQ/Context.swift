import CZeroMQ

/// A libzmq context: the owner of I/O threads and of every socket made from it.
///
/// libzmq contexts are thread-safe, so a context may be shared between threads.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// Creates a context; throws when libzmq cannot.
    public init() throws(ZeroMQError) {
        handle = try LibZMQ.newContext()
    }

    /// Makes every blocking call on this context's sockets fail with ETERM, so threads can end.
    public func shutdown() {
        LibZMQ.shutdownContext(handle)
    }

    deinit {
        // Sockets hold their context strongly, so every socket is closed by now and this
        // returns once their lingering messages are sent.
        LibZMQ.terminateContext(handle)
    }
}
