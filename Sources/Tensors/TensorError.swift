/// Everything that can go wrong in the tensor core; each message says what was expected.
public enum TensorError: Error, Equatable, Sendable {
    /// Shapes that cannot be combined (broadcasting, matrix product, reshape, ...).
    case shapeMismatch(String)
    /// An index or slice outside an axis.
    case indexOutOfRange(String)
    /// An argument with a value the operation does not accept.
    case invalidArgument(String)
    /// A result larger than the allocation cap, or another configured limit.
    case limitExceeded(String)
    /// A file that cannot be read or written, or whose contents are not what it claims.
    case io(String)
    /// The user interrupted a long operation.
    case interrupted

    /// The human-readable explanation, without the kind.
    public var message: String {
        switch self {
        case .shapeMismatch(let text), .indexOutOfRange(let text), .invalidArgument(let text),
             .limitExceeded(let text), .io(let text):
            return text
        case .interrupted:
            return "interrupted by the user"
        }
    }
}
