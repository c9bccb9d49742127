extension Tensor {
    /// The matrix product `@` for ranks 1 and 2, with numpy's matmul rules:
    /// matrix×matrix, matrix×vector, vector×matrix and vector·vector (a rank-0 result).
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard (1...2).contains(rank), (1...2).contains(other.rank) else {
            throw TensorError.shapeMismatch(
                "matrix product needs tensors of rank 1 or 2, found \(Tensor.describe(shape)) @ \(Tensor.describe(other.shape))")
        }
        let (rows, inner) = rank == 2 ? (shape[0], shape[1]) : (1, shape[0])
        let (otherInner, columns) = other.rank == 2 ? (other.shape[0], other.shape[1]) : (other.shape[0], 1)
        guard inner == otherInner else {
            throw TensorError.shapeMismatch(
                "matrix product needs matching inner sizes, found \(Tensor.describe(shape)) @ \(Tensor.describe(other.shape)) (\(inner) ≠ \(otherInner))")
        }
        try ExecutionControl.shared.checkAllocation(rows * columns)
        let product = try Tensor.multiply(scalars, other.scalars, rows: rows, inner: inner, columns: columns)
        var resultShape: [Int] = []
        if rank == 2 { resultShape.append(rows) }
        if other.rank == 2 { resultShape.append(columns) }
        return Tensor(validatedShape: resultShape, scalars: product)
    }

    // i-k-j order: the innermost loop streams a row of B into a row of C, contiguous in both,
    // which the compiler vectorises. The k and j loops are tiled so the block of B in use
    // (64 × 128 doubles = 64 KiB, the best of the tile sizes measured) stays in cache while every row of A passes over it.
    private static func multiply(_ a: [Double], _ b: [Double], rows: Int, inner: Int, columns: Int) throws -> [Double] {
        var c = [Double](repeating: 0, count: rows * columns)
        let kTile = 64, jTile = 128
        try a.withUnsafeBufferPointer { a in
            try b.withUnsafeBufferPointer { b in
                try c.withUnsafeMutableBufferPointer { c in
                    for kStart in stride(from: 0, to: inner, by: kTile) {
                        let kEnd = Swift.min(kStart + kTile, inner)
                        for jStart in stride(from: 0, to: columns, by: jTile) {
                            let jEnd = Swift.min(jStart + jTile, columns)
                            try ExecutionControl.shared.checkInterrupt()
                            for i in 0..<rows {
                                let row = i * columns
                                for k in kStart..<kEnd {
                                    let factor = a[i * inner + k]
                                    let bRow = k * columns
                                    for j in jStart..<jEnd { c[row + j] += factor * b[bRow + j] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return c
    }
}
