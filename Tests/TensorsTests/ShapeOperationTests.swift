import Testing
@testable import Tensors

// Expected values computed with numpy 2 (np.pad, np.roll, np.flip, np.stack, np.concatenate)
// on small integer-valued inputs, so equality is exact.

@Test(arguments: [
    (PaddingMode.reflect, [1.0, 2, 3, 4, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1]),
    (PaddingMode.edge, [0.0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 4, 4]),
    (PaddingMode.wrap, [3.0, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2]),
])
func padModesMatchNumpyEvenBeyondTheAxisLength(mode: PaddingMode, expected: [Double]) throws {
    // np.pad(np.arange(5.), (7, 3), mode=...)
    #expect(try arangeTensor([5]).padded([(7, 3)], mode: mode, control: .fresh) == makeTensor([15], expected))
}

@Test func padTakesPerAxisPairs() throws {
    // np.pad(np.arange(6.).reshape(2, 3), ((1, 0), (2, 1)))
    let expected: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 3, 4, 5, 0]
    #expect(try arangeTensor([2, 3]).padded([(1, 0), (2, 1)], control: .fresh) == makeTensor([3, 6], expected))
    // np.pad(x, 1, mode="reflect")
    let reflected: [Double] = [4, 3, 4, 5, 4, 1, 0, 1, 2, 1, 4, 3, 4, 5, 4, 1, 0, 1, 2, 1]
    #expect(try arangeTensor([2, 3]).padded([(1, 1)], mode: .reflect, control: .fresh) == makeTensor([4, 5], reflected))
}

@Test func padRejectsBadWidths() {
    #expect(throws: TensorError.self) { try arangeTensor([2, 3]).padded([(1, 1), (1, 1), (1, 1)], control: .fresh) }
    #expect(throws: TensorError.self) { try arangeTensor([3]).padded([(-1, 0)], control: .fresh) }
    #expect(throws: TensorError.self) { try arangeTensor([0]).padded([(1, 1)], mode: .edge, control: .fresh) }
}

@Test func cropUndoesPad() throws {
    let x = arangeTensor([3, 4])
    #expect(try x.padded([(1, 2), (3, 0)], mode: .wrap, control: .fresh).cropped([(1, 2), (3, 0)], control: .fresh) == x)
    #expect(throws: TensorError.self) { try x.cropped([(2, 2)], control: .fresh) }
}

@Test func rollMatchesNumpy() throws {
    let x = arangeTensor([2, 3])
    #expect(try x.rolled(by: [1], control: .fresh) == makeTensor([2, 3], [5, 0, 1, 2, 3, 4]))
    #expect(try x.rolled(by: [-1], axes: [1], control: .fresh) == makeTensor([2, 3], [1, 2, 0, 4, 5, 3]))
    #expect(try x.rolled(by: [1, 2], axes: [0, 1], control: .fresh) == makeTensor([2, 3], [4, 5, 3, 1, 2, 0]))
}

@Test func shiftFillsWithZeros() throws {
    let x = arangeTensor([2, 3])
    #expect(try x.shifted(by: [1], axes: [1], control: .fresh) == makeTensor([2, 3], [0, 0, 1, 0, 3, 4]))
    #expect(try x.shifted(by: [-1], axes: [0], control: .fresh) == makeTensor([2, 3], [3, 4, 5, 0, 0, 0]))
    #expect(try x.shifted(by: [7], axes: [1], control: .fresh) == makeTensor([2, 3], [0, 0, 0, 0, 0, 0]))
    #expect(throws: TensorError.self) { try x.shifted(by: [1, 2], control: .fresh) }
}

@Test func flipMatchesNumpy() throws {
    let x = arangeTensor([2, 3])
    #expect(try x.flipped(control: .fresh) == makeTensor([2, 3], [5, 4, 3, 2, 1, 0]))
    #expect(try x.flipped(axes: [-1], control: .fresh) == makeTensor([2, 3], [2, 1, 0, 5, 4, 3]))
    #expect(throws: TensorError.self) { try x.flipped(axes: [2], control: .fresh) }
}

@Test func stackAndConcatMatchNumpy() throws {
    let x = arangeTensor([2, 3])
    let y = try x.combined(with: Tensor(scalar: 10), .add, control: .fresh)
    let stacked = try Tensor.stacked([x, y], axis: 1, control: .fresh)
    #expect(stacked == makeTensor([2, 2, 3], [0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14, 15]))
    let column = try x.subscripted([.all, .slice(start: nil, stop: 1, step: nil)], control: .fresh)
    #expect(try Tensor.concatenated([x, column], axis: 1, control: .fresh) == makeTensor([2, 4], [0, 1, 2, 0, 3, 4, 5, 3]))
    #expect(try Tensor.stacked([Tensor(scalar: 1), Tensor(scalar: 2)], control: .fresh) == makeTensor([2], [1, 2]))
}

@Test func stackAndConcatRejectMismatches() {
    #expect(throws: TensorError.self) { try Tensor.stacked([arangeTensor([2]), arangeTensor([3])], control: .fresh) }
    #expect(throws: TensorError.self) { try Tensor.concatenated([arangeTensor([2, 2]), arangeTensor([3, 3])], axis: 1, control: .fresh) }
    #expect(throws: TensorError.self) { try Tensor.concatenated([], control: .fresh) }
}

@Test func repeatedAxesComposeLikeNumpy() throws {
    // np.roll(np.arange(6.).reshape(2, 3), (1, 1), axis=(1, 1)) rolls axis 1 by 2 in total.
    let x = arangeTensor([2, 3])
    #expect(try x.rolled(by: [1, 1], axes: [1, 1], control: .fresh) == makeTensor([2, 3], [1, 2, 0, 4, 5, 3]))
    // Shifting twice by 1 loses two columns, as two separate shifts would.
    #expect(try x.shifted(by: [1, 1], axes: [1, 1], control: .fresh) == makeTensor([2, 3], [0, 0, 0, 0, 0, 3]))
}
