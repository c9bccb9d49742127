extension SparseMatrix {
    /// numpy-style basic indexing that materialises only the selection: `m[i]` is row i,
    /// `m[:, j]` column j, `m[i, j]` one entry (rank 0), `m[a:b, c:d]` a dense block; the
    /// selection must fit under the allocation cap.
    public func subscripted(_ components: [TensorIndex], control: ExecutionControl) throws -> Tensor {
        guard components.count <= 2 else {
            throw TensorError.indexOutOfRange(
                "a sparse matrix has 2 axes, found \(components.count) indices")
        }
        let rowSelection = try AxisSelection(components.first ?? .slice(start: nil, stop: nil, step: nil),
                                             axis: 0, size: rows)
        let columnSelection = try AxisSelection(components.count == 2 ? components[1] : .slice(start: nil, stop: nil, step: nil),
                                                axis: 1, size: columns)
        let count = rowSelection.count * columnSelection.count
        try control.checkAllocation(count)
        var scalars = [Double](zeroedTensorStorage: count)
        for position in 0..<rowSelection.count {
            let row = rowSelection.start + position * rowSelection.step
            for entry in rowStarts[row]..<rowStarts[row + 1] {
                guard let target = columnSelection.position(of: Int(columnIndices[entry])) else { continue }
                scalars[position * columnSelection.count + target] += values[entry]
            }
        }
        let shape = [rowSelection, columnSelection].filter { !$0.dropsAxis }.map(\.count)
        return Tensor(validatedShape: shape, scalars: scalars)
    }
}

extension AxisSelection {
    /// Where `index` falls in the selection, or nil when it is not selected.
    func position(of index: Int) -> Int? {
        let offset = index - start
        guard offset % step == 0 else { return nil }
        let position = offset / step
        return position >= 0 && position < count ? position : nil
    }
}
