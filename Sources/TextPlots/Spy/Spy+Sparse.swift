import Tensors

extension Spy {
    /// Draws a CSR sparse matrix straight from its stored entries, never making it dense; a
    /// weight-sharing matrix tells the legend how many weights its layer has.
    public static func render(_ matrix: SparseMatrix, options: SpyOptions, sessionWidth: Int,
                              control: ExecutionControl) throws -> Figure {
        var options = options
        options.weightCount = options.weightCount ?? matrix.weightCount
        return try render(rows: matrix.rows, columns: matrix.columns, entries: { visit in
            for row in 0..<matrix.rows {
                for entry in matrix.rowStarts[row]..<matrix.rowStarts[row + 1] {
                    try visit(row, Int(matrix.columnIndices[entry]), matrix.values[entry])
                }
            }
        }, options: options, sessionWidth: sessionWidth, control: control)
    }
}
