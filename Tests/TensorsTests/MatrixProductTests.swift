import Testing
@testable import Tensors

// The packed micro-kernels, the small-product kernel (every case whose B has at most 2^16
// elements: read in place, or from a row-major copy when B is transposed) and the matrix ×
// vector loops against the textbook triple loop, for every level this CPU runs, with operands
// read through every transposition and sizes on both sides of each level's micro-tile (rows
// 4/6/8, columns 4/8/24, and for the small kernel the narrower tiles of 2 and 1 vectors and a
// last partial vector), its row block and the 256-deep slabs; products of 2^17 multiply-adds or
// more are split over the cores. The kernels sum in another order and fuse multiply-adds, so
// each element may differ by a few roundings of its terms: 1e-13 × Σ|a|·|b| bounds that, while
// a wrong row, column, slab or tile edge is an error of the size of a whole term.

private func random(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 52) - 1
    }
}

private struct ProductCase: CustomStringConvertible, Sendable {
    let rows: Int, columns: Int, inner: Int
    var description: String { "\(rows)×\(inner) · \(inner)×\(columns)" }
}

private let productCases: [ProductCase] = [
    (1, 1, 1), (1, 7, 5), (7, 1, 5), (1, 30, 300), (30, 1, 300), (2, 2, 2), (5, 9, 3), (8, 24, 16), (9, 25, 17),
    (13, 31, 257), (64, 64, 64), (130, 70, 40), (3, 200, 520), (129, 49, 1), (40, 600, 33),
    // The small kernel's narrow tiles and last columns, over two slabs; split over the cores.
    (7, 33, 9), (7, 40, 9), (11, 47, 300), (100, 101, 120),
    // Just past 2^17 multiply-adds, where a small product starts to be split over the cores:
    // odd row counts (a partial block of micro-kernel rows in the second chunk), odd columns
    // (the last partial vector), and 9 rows (on AVX-512 one block of 8 rows and a single row).
    (17, 97, 81), (33, 65, 64), (9, 129, 113),
    // The packed kernel with a B just past the small kernel's limit.
    (9, 300, 260), (17, 257, 270),
].map { ProductCase(rows: $0.0, columns: $0.1, inner: $0.2) }

/// C = A·B by the definition, and the bound on each element's rounding differences.
private func reference(_ a: [Double], _ b: [Double], _ item: ProductCase) -> (values: [Double], scale: [Double]) {
    var values = [Double](repeating: 0, count: item.rows * item.columns), scale = values
    for i in 0..<item.rows {
        for j in 0..<item.columns {
            for p in 0..<item.inner {
                let (x, y) = (a[i * item.inner + p], b[p * item.columns + j])
                values[i * item.columns + j] += x * y
                scale[i * item.columns + j] += (x * y).magnitude
            }
        }
    }
    return (values, scale)
}

/// `matrix` (rows × columns, row-major) stored transposed, and its operand with swapped strides.
private func transposedCopy(_ matrix: [Double], rows: Int, columns: Int) -> [Double] {
    (0..<(rows * columns)).map { matrix[($0 % rows) * columns + $0 / rows] }
}

@Test(arguments: productCases)
private func everyLevelAndTranspositionMatchesTheDefinition(_ item: ProductCase) throws {
    let a = random(item.rows * item.inner, seed: 1), b = random(item.inner * item.columns, seed: 2)
    let (expected, scale) = reference(a, b, item)
    let aT = transposedCopy(a, rows: item.rows, columns: item.inner)
    let bT = transposedCopy(b, rows: item.inner, columns: item.columns)
    for kernel in VectorKernel.available {
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            for accumulate in [false, true] {
                var c = [Double](repeating: accumulate ? 1 : .nan, count: item.rows * item.columns)
                let storedA = transposeA ? aT : a, storedB = transposeB ? bT : b
                try storedA.withUnsafeBufferPointer { pa in
                    try storedB.withUnsafeBufferPointer { pb in
                        try c.withUnsafeMutableBufferPointer { pc in
                            let left = MatrixProduct.Operand(base: pa.baseAddress!, rowStride: transposeA ? 1 : item.inner,
                                                             columnStride: transposeA ? item.rows : 1)
                            let right = MatrixProduct.Operand(base: pb.baseAddress!, rowStride: transposeB ? 1 : item.columns,
                                                              columnStride: transposeB ? item.inner : 1)
                            try MatrixProduct.multiply(rows: item.rows, columns: item.columns, inner: item.inner, left, right,
                                                       into: pc.baseAddress!, cRowStride: item.columns, accumulate: accumulate,
                                                       kernel: kernel, control: ExecutionControl())
                        }
                    }
                }
                var worst = 0.0
                for index in c.indices {
                    let error = (c[index] - (expected[index] + (accumulate ? 1 : 0))).magnitude / (scale[index] + 1)
                    worst = Swift.max(worst, error.isNaN ? .infinity : error)
                }
                #expect(worst <= 1e-13, "\(item) at \(kernel), transposed \(transposeA)/\(transposeB), accumulate \(accumulate): \(worst)")
            }
        }
    }
}

@Test func stacksBroadcastTheirLeadingAxesAsNumpyDoes() throws {
    let control = ExecutionControl()
    let a = try Tensor(shape: [2, 1, 3, 4], scalars: random(24, seed: 3))
    let b = try Tensor(shape: [5, 4, 2], scalars: random(40, seed: 4))
    let product = try a.matmul(b, control: control)
    #expect(product.shape == [2, 5, 3, 2])
    for i in 0..<2 {
        for j in 0..<5 {
            let left = try a.subscripted([.index(i), .index(0)], control: control)
            let right = try b.subscripted([.index(j)], control: control)
            let expected = try left.matmul(right, control: control)
            let got = try product.subscripted([.index(i), .index(j)], control: control)
            #expect(try got.isClose(to: expected, tolerance: 1e-14, control: control))
        }
    }
    // A stack times a matrix is one tall product; a matrix times a stack is one per matrix.
    let stack = try Tensor(shape: [3, 4, 5], scalars: random(60, seed: 5))
    let matrix = try Tensor(shape: [5, 2], scalars: random(10, seed: 6))
    let tall = try stack.matmul(matrix, control: control)
    let flat = try stack.reshaped([12, 5]).matmul(matrix, control: control)
    #expect(tall.shape == [3, 4, 2])
    #expect(tall.scalars == flat.scalars)
    let vector = try Tensor(shape: [5], scalars: random(5, seed: 7))
    #expect(try stack.matmul(vector, control: control).shape == [3, 4])
    #expect(try Tensor(shape: [4], scalars: random(4, seed: 8)).matmul(stack, control: control).shape == [3, 5])
}

@Test func aStackOfMidSizedProductsRunsOneProductPerCoreAndMatchesEachProduct() throws {
    // 8 products of 70×90 · 90×65 (409,500 multiply-adds each, at least four per core on two
    // cores): each runs whole on one core, as the products of one matrix at a time do serially.
    let control = ExecutionControl()
    let a = try Tensor(shape: [8, 70, 90], scalars: random(8 * 70 * 90, seed: 11))
    let b = try Tensor(shape: [8, 90, 65], scalars: random(8 * 90 * 65, seed: 12))
    let product = try a.matmul(b, control: control)
    #expect(product.shape == [8, 70, 65])
    for batch in 0..<8 {
        let expected = try a.subscripted([.index(batch)], control: control)
            .matmul(b.subscripted([.index(batch)], control: control), control: control)
        #expect(try product.subscripted([.index(batch)], control: control).scalars == expected.scalars)
    }
}

@Test func transposedOperandsNeedNoCopy() throws {
    let control = ExecutionControl()
    let x = try Tensor(shape: [6, 4], scalars: random(24, seed: 9))
    let w = try Tensor(shape: [3, 4], scalars: random(12, seed: 10))
    let viaCopy = try x.matmul(w.transposed(control: control), control: control)
    let direct = try x.matmul(w, transposingRight: true, control: control)
    #expect(try direct.isClose(to: viaCopy, tolerance: 1e-15, control: control))
    let gradient = try x.matmul(viaCopy, transposingLeft: true, control: control)
    #expect(gradient.shape == [4, 3])
    #expect(try gradient.isClose(to: x.transposed(control: control).matmul(viaCopy, control: control), tolerance: 1e-15,
                                 control: control))
}

@Test func twoMatricesMultiplyAsTheSameProductInAStack() throws {
    // Rank 2 × rank 2 takes a path of its own (no stacks); a one-matrix stack takes the general
    // one. Both run the same kernel on the same strides, so the bits agree, transposes included.
    let control = ExecutionControl()
    let a = try Tensor(shape: [5, 7], scalars: random(35, seed: 11))
    let b = try Tensor(shape: [7, 3], scalars: random(21, seed: 12))
    let c = try Tensor(shape: [3, 7], scalars: random(21, seed: 13))
    #expect(try a.matmul(b, control: control).scalars
        == a.reshaped([1, 5, 7]).matmul(b, control: control).scalars)
    #expect(try a.matmul(c, transposingRight: true, control: control).scalars
        == a.reshaped([1, 5, 7]).matmul(c, transposingRight: true, control: control).scalars)
    let at = try a.transposed(control: control)
    #expect(try at.matmul(c.transposed(control: control), transposingLeft: true, control: control).scalars
        == a.reshaped([1, 5, 7]).matmul(c, transposingRight: true, control: control).scalars)
    #expect(throws: TensorError.shapeMismatch("matrix product needs matching inner sizes, found 5×7 @ 3×7 (7 ≠ 3)")) {
        try a.matmul(c, control: control)
    }
    #expect(throws: TensorError.shapeMismatch("matrix product needs matching inner sizes, found 5×7 @ 7×3 (7 ≠ 3)")) {
        try a.matmul(b, transposingRight: true, control: control)
    }
}

@Test func mismatchedStacksAndSizesAreShapeErrors() throws {
    let control = ExecutionControl()
    #expect(throws: TensorError.shapeMismatch(
        "matrix product cannot broadcast the leading axes of 2×3×4 @ 3×4×5 (2 with 3)")) {
        try Tensor(repeating: 1, shape: [2, 3, 4], control: control)
            .matmul(Tensor(repeating: 1, shape: [3, 4, 5], control: control), control: control)
    }
    #expect(throws: TensorError.shapeMismatch("matrix product needs matching inner sizes, found 2×3 @ 4 (3 ≠ 4)")) {
        try Tensor(repeating: 1, shape: [2, 3], control: control)
            .matmul(Tensor(repeating: 1, shape: [4], control: control), control: control)
    }
    // An empty inner dimension gives zeros, as numpy.
    #expect(try Tensor(repeating: 1, shape: [2, 0], control: control)
        .matmul(Tensor(repeating: 1, shape: [0, 3], control: control), control: control).scalars == [0, 0, 0, 0, 0, 0])
}
