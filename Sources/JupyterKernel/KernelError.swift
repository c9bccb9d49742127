import JupyterProtocol
import ZeroMQ

/// Why the kernel could not start, why a request for input failed, or why a debug request was
/// answered with an error.
public enum KernelError: Error, CustomStringConvertible {
    /// A channel's socket could not be bound to the address the connection file names.
    case cannotBind(channel: Channel, endpoint: String, cause: ZeroMQError)
    /// A socket operation failed.
    case transport(ZeroMQError)
    /// The cell asked for input, but the front end sent `allow_stdin: false`.
    case stdinNotAllowed
    /// An interrupt arrived while the cell waited for input.
    case inputInterrupted
    /// A kernelspec could not be written or removed.
    case kernelSpecFailed(path: String, reason: String)
    /// No kernelspec of that name is installed where one was looked for.
    case kernelSpecNotFound(path: String)
    /// The Python whose `sys.prefix` was asked for could not be run.
    case pythonUnavailable(reason: String)
    /// The history database could not be opened or written.
    case historyDatabase(path: String, reason: String)
    /// A `debug_request` could not be served; the message is the error reply's `message`.
    case debugRequestFailed(String)

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
        case .kernelSpecFailed(let path, let reason):
            "cannot write the kernelspec at \(path): \(reason)"
        case .kernelSpecNotFound(let path):
            "no kernelspec at \(path); `jupyter kernelspec list` shows where kernels are installed"
        case .pythonUnavailable(let reason):
            "cannot find sys.prefix: \(reason); activate a virtual environment or use --prefix DIR"
        case .historyDatabase(let path, let reason):
            "cannot use the history database \(path): \(reason); history is kept in memory only. Move the file aside, or pass --history-file PATH or --no-history-file"
        case .debugRequestFailed(let message):
            message
        }
    }
}
