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
    #expect(try arangeTensor([2, 3, 4]).transposed([1, 2, 0]) == makeTensor([3, 4, 2], expected))
    #expect(try arangeTensor([2, 3]).transposed() == makeTensor([3, 2], [0, 3, 1, 4, 2, 5]))
    #expect(throws: TensorError.self) { try arangeTensor([2, 3]).transposed([0, 0]) }
}

@Test func matrixProductCoversAllRankPairs() throws {
    let m = makeTensor([3, 2], [1, 2, 3, 4, 5, 6])
    let n = makeTensor([2, 3], [1, 0, 2, -1, 3, 1])
    #expect(try m.matmul(n) == makeTensor([3, 3], [-1, 6, 4, -1, 12, 10, -1, 18, 16]))
    #expect(try n.matmul(makeTensor([3], [1, 2, 3])) == makeTensor([2], [7, 8]))
    #expect(try makeTensor([2], [1, 2]).matmul(n) == makeTensor([3], [-1, 6, 4]))
    #expect(try makeTensor([3], [1, 2, 3]).matmul(makeTensor([3], [4, 5, 6])) == Tensor(scalar: 32))
}

@Test func matrixProductRejectsMismatchedInnerSizes() {
    #expect(throws: TensorError.self) { try arangeTensor([2, 3]).matmul(arangeTensor([2, 3])) }
    #expect(throws: TensorError.self) { try Tensor(scalar: 1).matmul(arangeTensor([1])) }
}
