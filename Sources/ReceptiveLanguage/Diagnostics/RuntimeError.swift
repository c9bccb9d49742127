import Tensors

/// An error raised while running a program: a kind, a message saying what was expected and
/// what was found, and (once the evaluator knows it) the source range of the offending node.
public struct RuntimeError: Error, Sendable, Equatable {
    /// The error's kind, shown as its name (`ShapeError`).
    public var kind: ErrorKind
    /// What went wrong, e.g. "expected a tensor for 'x', found a string".
    public var message: String
    /// Where; filled in by the evaluator when a builtin throws without one.
    public var range: SourceRange?
    /// The cell text `range` points into, when that is not the running cell (an error inside a
    /// function defined in an earlier cell); nil means the running cell.
    public var source: String?

    /// Creates an error.
    public init(_ kind: ErrorKind, _ message: String, at range: SourceRange? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
    }

    /// Translates a tensor-core error into the language's kinds.
    public init(_ error: TensorError, at range: SourceRange? = nil) {
        let kind: ErrorKind
        switch error {
        case .shapeMismatch: kind = .shape
        case .indexOutOfRange: kind = .index
        case .invalidArgument: kind = .value
        case .limitExceeded: kind = .limit
        case .io: kind = .io
        case .interrupted: kind = .interrupted
        }
        self.init(kind, error.message, at: range)
    }
}
