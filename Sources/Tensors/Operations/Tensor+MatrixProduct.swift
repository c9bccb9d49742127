extension Tensor {
    /// The matrix product `@` for ranks 1 and 2, with numpy's matmul rules:
    /// matrix×matrix, matrix×vector, vector×matrix and vector·vector (a rank-0 result).
    public func matmul(_ other: Tensor, control: ExecutionControl) throws -> Tensor {
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
        try control.checkAllocation(rows * columns)
        let product = try Tensor.multiply(scalars, other.scalars, rows: rows, inner: inner, columns: columns,
                                          control: control)
        var resultShape: [Int] = []
        if rank == 2 { resultShape.append(rows) }
        if other.rank == 2 { resultShape.append(columns) }
        return Tensor(validatedShape: resultShape, scalars: product)
    }

    // i-k-j order: the innermost loop streams a row of B into rows of C, contiguous in both,
    // which the compiler vectorises; two rows of C share each load of B. The k and j loops
    // are tiled so the block of B in use (64 × 128 doubles = 64 KiB, the best tile measured)
    // stays in cache while every row of A passes over it. Each C element still sums over k in
    // ascending order, as the textbook loop does.
    private static func multiply(_ a: [Double], _ b: [Double], rows: Int, inner: Int, columns: Int,
                                 control: ExecutionControl) throws -> [Double] {
        var c = [Double](repeating: 0, count: rows * columns)
        let kTile = 64, jTile = 128
        try a.withUnsafeBufferPointer { a in
            try b.withUnsafeBufferPointer { b in
                try c.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    for kStart in stride(from: 0, to: inner, by: kTile) {
                        let k = kStart..<Swift.min(kStart + kTile, inner)
                        for jStart in stride(from: 0, to: columns, by: jTile) {
                            let j = jStart..<Swift.min(jStart + jTile, columns)
                            try control.checkInterrupt()
                            for i in stride(from: 0, to: rows, by: 2) {
                                let pair = i + 1 < rows
                                tile(a + i * inner, pair ? a + (i + 1) * inner : nil, b, c + i * columns,
                                     pair ? c + (i + 1) * columns : nil, k: k, j: j, columns: columns)
                            }
                        }
                    }
                }
            }
        }
        return c
    }

    /// Adds `A[i, k] · B[k, j]` over the tile into one or two rows of C.
    @inline(__always)
    private static func tile(_ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>?, _ b: UnsafePointer<Double>,
                             _ c0: UnsafeMutablePointer<Double>, _ c1: UnsafeMutablePointer<Double>?,
                             k: Range<Int>, j: Range<Int>, columns: Int) {
        guard let a1, let c1 else {
            for kk in k {
                let factor = a0[kk], bRow = b + kk * columns
                for jj in j { c0[jj] += factor * bRow[jj] }
            }
            return
        }
        for kk in k {
            let f0 = a0[kk], f1 = a1[kk], bRow = b + kk * columns
            for jj in j {
                let value = bRow[jj]
                c0[jj] += f0 * value
                c1[jj] += f1 * value
            }
        }
    }
}
