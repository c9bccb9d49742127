extension SparseMatrix {
    /// The transpose, still compressed by rows (scipy's `m.T.tocsr()`): entry (i, j) moves to
    /// (j, i). The transpose of a convolution's matrix is the transposed convolution's matrix, so
    /// this is how `transpose(as_matrix(layer, input:))` shows a layer run backwards. A counting
    /// sort by column: O(nnz + columns), and each new row's entries come out in row order, as
    /// CSR requires. A sharing matrix's weight count travels with its entries.
    public func transposed(control: ExecutionControl) throws -> SparseMatrix {
        try control.checkAllocation(nnz)
        var starts = [Int](repeating: 0, count: columns + 1)
        for column in columnIndices { starts[Int(column) + 1] += 1 }
        for column in 0..<columns { starts[column + 1] += starts[column] }
        var next = starts
        var indices = [Int32](repeating: 0, count: nnz)
        var entries = [Double](repeating: 0, count: nnz)
        for row in 0..<rows {
            if row % 65_536 == 0 { try control.checkInterrupt() }
            for entry in rowStarts[row]..<rowStarts[row + 1] {
                let column = Int(columnIndices[entry])
                indices[next[column]] = Int32(row)
                entries[next[column]] = values[entry]
                next[column] += 1
            }
        }
        var result = SparseMatrix(validatedRows: columns, columns: rows, rowStarts: starts,
                                  columnIndices: indices, values: entries)
        result.weightCount = weightCount
        return result
    }
}
