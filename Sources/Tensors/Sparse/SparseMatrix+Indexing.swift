extension SparseMatrix {
    /// numpy-style basic indexing that materialises only the selection: `m[i]` is row i,
    /// `m[:, j]` column j, `m[i, j]` one entry (rank 0), `m[a:b, c:d]` a dense block; the
    /// selection must fit under the allocation cap.
    public func subscripted(_ components: [TensorIndex]) throws -> Tensor {
        guard components.count <= 2 else {
            throw TensorError.indexOutOfRange(
                "a sparse matrix has 2 axes, found \(components.count) indices")
        }
        let rowSelection = try AxisSelection(components.first ?? .slice(start: nil, stop: nil, step: nil),
                                             axis: 0, size: rows)
        let columnSelection = try AxisSelection(components.count == 2 ? components[1] : .slice(start: nil, stop: nil, step: nil),
                                                axis: 1, size: columns)
        let count = rowSelection.count * columnSelection.count
        try ExecutionControl.shared.checkAllocation(count)
        // Where each matrix column lands in the selection (-1: not selected).
        var target = [Int](repeating: -1, count: columns)
        for position in 0..<columnSelection.count {
            target[columnSelection.start + position * columnSelection.step] = position
        }
        var scalars = [Double](repeating: 0, count: count)
        for position in 0..<rowSelection.count {
            let row = rowSelection.start + position * rowSelection.step
            for entry in rowStarts[row]..<rowStarts[row + 1] where target[Int(columnIndices[entry])] >= 0 {
                scalars[position * columnSelection.count + target[Int(columnIndices[entry])]] += values[entry]
            }
        }
        let shape = [rowSelection, columnSelection].filter { !$0.dropsAxis }.map(\.count)
        return Tensor(validatedShape: shape, scalars: scalars)
    }
}
