import JupyterProtocol
import ZeroMQ

/// Why the kernel could not start, or why a request for input failed.
public enum KernelError: Error, CustomStringConvertible {
    /// A channel's socket could not be bound to the address the connection file names.
    case cannotBind(channel: Channel, endpoint: String, cause: ZeroMQError)
    /// A socket operation failed.
    case transport(ZeroMQError)
    /// The cell asked for input, but the front end sent `allow_stdin: false`.
    case stdinNotAllowed
    /// An interrupt arrived while the cell waited for input.
    case inputInterrupted

    /// One line saying what went wrong and what to do.
    public var description: String {
        switch self {
        case .cannotBind(let channel, let endpoint, let cause):
            "cannot bind the \(channel.rawValue) channel to \(endpoint): \(cause.reason); is another kernel using this connection file?"
        case .transport(let cause):
            cause.description
        case .stdinNotAllowed:
            "this front end does not accept input requests (allow_stdin is false)"
        case .inputInterrupted:
            "interrupted while waiting for input"
        }
    }
}
