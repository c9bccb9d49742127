import TextPlots

/// The outcome of running a cell.
public enum RunResult: Sendable {
    /// The cell's value rendered (text/plain and optional text/html), or nil when there is none.
    case success(Figure?)
    /// The error that ended the cell.
    case failure(ReportedError)
}
