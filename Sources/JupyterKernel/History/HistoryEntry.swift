/// One stored cell: where it was run and what it produced.
struct HistoryEntry: Equatable {
    /// The kernel run (session) the cell belongs to, counted from 1.
    var session: Int
    /// The cell's number within its session (its execution count).
    var line: Int
    /// The source.
    var input: String
    /// The `text/plain` of its result, or nil when it had none.
    var output: String?
}
