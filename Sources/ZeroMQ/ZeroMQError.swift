/// A failed libzmq call: which operation, the errno it set, and libzmq's description of it.
public struct ZeroMQError: Error, Equatable, CustomStringConvertible {
    /// The operation that failed, e.g. "bind tcp://127.0.0.1:5555".
    public var operation: String
    /// The errno value libzmq reported.
    public var code: Int32
    /// libzmq's text for `code`.
    public var reason: String

    /// Creates an error for `operation` failing with `code`.
    public init(operation: String, code: Int32, reason: String) {
        self.operation = operation
        self.code = code
        self.reason = reason
    }

    /// Whether the context was shut down under this call (ETERM): the caller should stop.
    public var isContextTerminated: Bool { code == LibZMQ.contextTerminatedCode }

    /// One line naming the operation and the reason.
    public var description: String { "ZeroMQ \(operation) failed: \(reason) (errno \(code))" }
}
