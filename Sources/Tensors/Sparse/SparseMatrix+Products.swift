extension SparseMatrix {
    /// `M @ x`: a rank-1 `x` of `columns` elements gives a rank-1 result of `rows` elements;
    /// a `columns × k` matrix gives a `rows × k` matrix. Flatten an image first (`flatten(x)`).
    public func multiply(_ operand: Tensor, control: ExecutionControl) throws -> Tensor {
        guard (operand.rank == 1 || operand.rank == 2), operand.shape[0] == columns else {
            throw TensorError.shapeMismatch(
                "a \(rows)×\(columns) matrix multiplies a vector of \(columns) elements or a matrix "
                + "with \(columns) rows, found a tensor \(Tensor.describe(operand.shape)); flatten images first")
        }
        let width = operand.rank == 2 ? operand.shape[1] : 1
        try control.checkAllocation(rows * width)
        var result = [Double](zeroedTensorStorage: rows * width)
        let input = operand.scalars
        for row in 0..<rows {
            if row % 4096 == 0 { try control.checkInterrupt() }
            for entry in rowStarts[row]..<rowStarts[row + 1] {
                let source = Int(columnIndices[entry]) * width
                let weight = values[entry]
                for lane in 0..<width { result[row * width + lane] += weight * input[source + lane] }
            }
        }
        let shape = operand.rank == 2 ? [rows, width] : [rows]
        return Tensor(validatedShape: shape, scalars: result)
    }

    /// The matrix as a dense `rows × columns` tensor, if that fits under the allocation cap.
    public func dense(control: ExecutionControl) throws -> Tensor {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow else {
            throw TensorError.limitExceeded("a dense \(rows)×\(columns) matrix has too many elements to count")
        }
        do {
            try control.checkAllocation(count)
        } catch {
            throw TensorError.limitExceeded(
                "dense(m) of a \(rows)×\(columns) matrix needs \(count) elements, over the cap of "
                + "\(control.maxElements); use nnz, density, spy(m) or a smaller input")
        }
        var scalars = [Double](zeroedTensorStorage: count)
        for row in 0..<rows {
            for entry in rowStarts[row]..<rowStarts[row + 1] {
                scalars[row * columns + Int(columnIndices[entry])] += values[entry]
            }
        }
        return Tensor(validatedShape: [rows, columns], scalars: scalars)
    }
}
