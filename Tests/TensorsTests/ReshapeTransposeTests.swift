import Testing
@testable import Tensors

@Test func reshapeInfersOneExtent() throws {
    #expect(try arangeTensor([2, 3]).reshaped([-1, 2]).shape == [3, 2])
    #expect(try arangeTensor([2, 3]).reshaped([6]) == arangeTensor([6]))
}

@Test func reshapeRejectsBadShapes() {
    let x = arangeTensor([2, 3])
    #expect(throws: TensorError.shapeMismatch("cannot reshape 2×3 (6 elements) into 4×2 (8 elements)")) {
        try x.reshaped([4, 2])
    }
    #expect(throws: TensorError.self) { try x.reshaped([-1, -1]) }
    #expect(throws: TensorError.self) { try x.reshaped([-1, 4]) }
}

@Test func transposeFollowsNumpy() throws {
    // np.transpose(np.arange(24.).reshape(2, 3, 4), (1, 2, 0)).ravel()
    let expected: [Double] = [0, 12, 1, 13, 2, 14, 3, 15, 4, 16, 5, 17, 6, 18, 7, 19, 8, 20, 9, 21, 10, 22, 11, 23]
    #expect(try arangeTensor([2, 3, 4]).transposed([1, 2, 0], control: .fresh) == makeTensor([3, 4, 2], expected))
    #expect(try arangeTensor([2, 3]).transposed(control: .fresh) == makeTensor([3, 2], [0, 3, 1, 4, 2, 5]))
    #expect(throws: TensorError.self) { try arangeTensor([2, 3]).transposed([0, 0], control: .fresh) }
}

@Test func matrixProductCoversAllRankPairs() throws {
    let m = makeTensor([3, 2], [1, 2, 3, 4, 5, 6])
    let n = makeTensor([2, 3], [1, 0, 2, -1, 3, 1])
    #expect(try m.matmul(n, control: .fresh) == makeTensor([3, 3], [-1, 6, 4, -1, 12, 10, -1, 18, 16]))
    #expect(try n.matmul(makeTensor([3], [1, 2, 3]), control: .fresh) == makeTensor([2], [7, 8]))
    #expect(try makeTensor([2], [1, 2]).matmul(n, control: .fresh) == makeTensor([3], [-1, 6, 4]))
    #expect(try makeTensor([3], [1, 2, 3]).matmul(makeTensor([3], [4, 5, 6]), control: .fresh) == Tensor(scalar: 32))
}

@Test func matrixProductRejectsMismatchedInnerSizes() {
    #expect(throws: TensorError.self) { try arangeTensor([2, 3]).matmul(arangeTensor([2, 3]), control: .fresh) }
    #expect(throws: TensorError.self) { try Tensor(scalar: 1).matmul(arangeTensor([1]), control: .fresh) }
}

@Test func tiledMatrixProductMatchesNaiveDotProducts() throws {
    // Sizes cross the 64×128 tiles; the reference is the textbook triple loop. Both sum over k
    // in ascending order, but allow 1e-12 relative for any fused multiply-add contraction.
    var generator = RandomGenerator(seed: 5)
    let a = try Tensor.random([70, 130], using: &generator, control: .fresh)
    let b = try Tensor.random([130, 300], using: &generator, control: .fresh)
    let product = try a.matmul(b, control: .fresh)
    var expected = [Double](repeating: 0, count: 70 * 300)
    for i in 0..<70 {
        for j in 0..<300 {
            expected[i * 300 + j] = (0..<130).reduce(0) { $0 + a.scalars[i * 130 + $1] * b.scalars[$1 * 300 + j] }
        }
    }
    #expect(isClose(product, [70, 300], expected, tolerance: 1e-12))
}

@Test func threeAxisBroadcastMatchesIndexFormula() throws {
    // (2, 1, 4) + (3, 1) → (2, 3, 4) with result[i, j, k] = a[i, 0, k] + b[j, 0].
    let a = arangeTensor([2, 1, 4])
    let b = try arangeTensor([3, 1]).combined(with: Tensor(scalar: 100), .multiply, control: .fresh)
    let sum = try a.combined(with: b, .add, control: .fresh)
    #expect(sum.shape == [2, 3, 4])
    for i in 0..<2 {
        for j in 0..<3 {
            for k in 0..<4 {
                #expect(sum.scalars[(i * 3 + j) * 4 + k] == Double(i * 4 + k) + Double(j * 100))
            }
        }
    }
}

@Test func tiledTransposeCoversPartialTiles() throws {
    // 3×70×45 crosses the 32×32 copy tiles with remainders; result[p, c, r] = x[p, r, c].
    let x = arangeTensor([3, 70, 45])
    let t = try x.transposed([0, 2, 1], control: .fresh)
    #expect(t.shape == [3, 45, 70])
    var mismatches = 0
    for p in 0..<3 {
        for c in 0..<45 {
            for r in 0..<70 where t.scalars[(p * 45 + c) * 70 + r] != x.scalars[(p * 70 + r) * 45 + c] {
                mismatches += 1
            }
        }
    }
    #expect(mismatches == 0)
    let strided = try x.subscripted([.index(1), .slice(start: nil, stop: nil, step: -3), .slice(start: 40, stop: 2, step: -2)], control: .fresh)
    #expect(strided.shape == [24, 19])
    #expect(strided.scalars[0] == x.scalars[(1 * 70 + 69) * 45 + 40])
    #expect(strided.scalars[24 * 19 - 1] == x.scalars[(1 * 70 + 0) * 45 + 4])
}
