/// Every syntax error of a cell.
struct ParseFailure: Error {
    /// The errors, in source order.
    var errors: [RuntimeError]
}
