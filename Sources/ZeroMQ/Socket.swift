import CZeroMQ
import Foundation

/// One libzmq socket, sending and receiving whole multipart messages as `[Data]`.
///
/// libzmq sockets are not thread-safe. A socket may be handed to another thread (libzmq allows
/// migration across a full memory barrier, which starting a thread is), but only one thread
/// may use it at a time; that is the contract behind `@unchecked Sendable`.
public final class Socket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private let context: Context
    private var isClosed = false

    /// Creates a socket of `type` in `context`, with a linger of `lingerMilliseconds` on close.
    public init(context: Context, type: SocketType, lingerMilliseconds: Int32 = 1000) throws(ZeroMQError) {
        self.context = context
        handle = try LibZMQ.newSocket(context.handle, type: type.rawValue)
        try LibZMQ.setOption(handle, ZMQ_LINGER, lingerMilliseconds)
    }

    /// Binds to `endpoint`, e.g. `tcp://127.0.0.1:5555` or `ipc:///tmp/kernel-1`.
    public func bind(_ endpoint: String) throws(ZeroMQError) {
        try LibZMQ.bind(handle, endpoint)
    }

    /// Connects to `endpoint`.
    public func connect(_ endpoint: String) throws(ZeroMQError) {
        try LibZMQ.connect(handle, endpoint)
    }

    /// The endpoint last bound, with a wildcard port resolved (`tcp://127.0.0.1:41234`).
    public func lastEndpoint() throws(ZeroMQError) -> String {
        try LibZMQ.stringOption(handle, ZMQ_LAST_ENDPOINT)
    }

    /// Sends `frames` as one multipart message.
    public func send(_ frames: [Data]) throws(ZeroMQError) {
        for (index, frame) in frames.enumerated() {
            try LibZMQ.send(handle, frame, more: index < frames.count - 1)
        }
    }

    /// Receives one whole multipart message, blocking until it arrives.
    public func receive() throws(ZeroMQError) -> [Data] {
        var frames: [Data] = []
        while true {
            let (frame, more) = try LibZMQ.receive(handle)
            frames.append(frame)
            if !more { return frames }
        }
    }

    /// Receives one message if one arrives within `timeoutMilliseconds` (-1: wait forever).
    public func receive(timeoutMilliseconds: Int) throws(ZeroMQError) -> [Data]? {
        guard try Poller.readable([self], timeoutMilliseconds: timeoutMilliseconds)[0] else { return nil }
        return try receive()
    }

    /// Closes the socket now rather than at deinit; later calls fail with ENOTSOCK.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        LibZMQ.close(handle)
    }

    deinit {
        close()
    }
}
