/// Waits on several sockets at once.
public enum Poller {
    /// Waits up to `timeoutMilliseconds` (-1: forever; 0: just look) until any of `sockets` has
    /// a message to read, and returns one flag per socket, in order.
    public static func readable(_ sockets: [Socket], timeoutMilliseconds: Int) throws(ZeroMQError) -> [Bool] {
        try LibZMQ.pollReadable(sockets.map(\.handle), timeout: timeoutMilliseconds)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) until `fileDescriptor` is readable, e.g. a
    /// socket's `signalDescriptor`; touches no socket, so any thread may call it.
    public static func readable(fileDescriptor: Int32, timeoutMilliseconds: Int) throws(ZeroMQError) -> Bool {
        try LibZMQ.pollReadable(fileDescriptor: fileDescriptor, timeout: timeoutMilliseconds)
    }
}
