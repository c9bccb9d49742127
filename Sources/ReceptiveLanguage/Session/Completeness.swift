/// Whether a piece of code can run as it is (Jupyter `is_complete`, the REPL's continuation).
public enum Completeness: Equatable, Sendable {
    /// It can run.
    case complete
    /// More lines are expected (open brackets or blocks, a trailing operator, an open string);
    /// `indent` is the suggested indentation of the next line.
    case incomplete(indent: String)
    /// It can never become valid by adding lines (an unmatched closing bracket).
    case invalid
}
