import Testing
@testable import Tensors

// Expected values computed with numpy 2 (`a + b` etc.); integers are exact in Double.
@Test func broadcastsRowAgainstMatrix() throws {
    let sum = try arangeTensor([2, 3]).combined(with: makeTensor([3], [10, 20, 30]), .add, control: .fresh)
    #expect(sum == makeTensor([2, 3], [10, 21, 32, 13, 24, 35]))
}

@Test func broadcastsColumnAgainstMatrix() throws {
    let product = try arangeTensor([2, 3]).combined(with: makeTensor([2, 1], [1, 2]), .multiply, control: .fresh)
    #expect(product == makeTensor([2, 3], [0, 1, 2, 6, 8, 10]))
    let power = try arangeTensor([2, 3]).combined(with: makeTensor([2, 1], [1, 2]), .power, control: .fresh)
    #expect(power == makeTensor([2, 3], [0, 1, 2, 9, 16, 25]))
}

@Test func broadcastsColumnAgainstRowToOuterShape() throws {
    let difference = try makeTensor([2, 1], [1, 2]).combined(with: makeTensor([3], [10, 20, 30]), .subtract, control: .fresh)
    #expect(difference == makeTensor([2, 3], [-9, -19, -29, -8, -18, -28]))
}

@Test func scalarBroadcastsEverywhere() throws {
    let result = try Tensor(scalar: 2).combined(with: arangeTensor([2, 2]), .power, control: .fresh)
    #expect(result == makeTensor([2, 2], [1, 2, 4, 8]))
}

@Test func incompatibleShapesNameBothShapes() {
    #expect(throws: TensorError.shapeMismatch("cannot broadcast 2×3 with 4")) {
        try arangeTensor([2, 3]).combined(with: arangeTensor([4]), .add, control: .fresh)
    }
}

@Test func remainderIsFlooredLikeNumpy() throws {
    // np.remainder([5,-5,5,-5,3],[3,3,-3,-3,0]) == [2, 1, -1, -2, nan]
    let result = try makeTensor([5], [5, -5, 5, -5, 3]).combined(with: makeTensor([5], [3, 3, -3, -3, 0]), .remainder, control: .fresh)
    #expect(isClose(result, [5], [2, 1, -1, -2, .nan]))
}

@Test func comparisonsGiveZeroOrOne() throws {
    let left = makeTensor([4], [1, 2, 3, .nan])
    let right = makeTensor([4], [2, 2, 2, .nan])
    #expect(try left.combined(with: right, .less, control: .fresh).scalars == [1, 0, 0, 0])
    #expect(try left.combined(with: right, .greaterEqual, control: .fresh).scalars == [0, 1, 1, 0])
    #expect(try left.combined(with: right, .notEqual, control: .fresh).scalars == [1, 0, 1, 1])
}

@Test func minimumPropagatesNaN() throws {
    let result = try makeTensor([2], [1, .nan]).combined(with: makeTensor([2], [0, 5]), .minimum, control: .fresh)
    #expect(result.scalars[0] == 0)
    #expect(result.scalars[1].isNaN)
}

@Test func broadcastResultRespectsAllocationCap() {
    let control = ExecutionControl(maxElements: 10)
    #expect(throws: TensorError.self) {
        try arangeTensor([4, 1]).combined(with: arangeTensor([4]), .add, control: control)
    }
}

@Test func longOperationsStopWhenInterrupted() throws {
    let control = ExecutionControl()
    control.requestInterrupt()
    let x = arangeTensor([300, 300])
    #expect(throws: TensorError.interrupted) { try x.combined(with: x, .add, control: control) }
    #expect(throws: TensorError.interrupted) { try x.combined(with: arangeTensor([300]), .add, control: control) }
    #expect(throws: TensorError.interrupted) { try x.matmul(x, control: control) }
    // A transpose is a view (no work); materialising it is the interruptible copy.
    #expect(throws: TensorError.interrupted) { try x.transposed(control: .fresh).rowMajor(control: control) }
    #expect(throws: TensorError.interrupted) { try x.padded([(1, 1)], mode: .reflect, control: control) }
    #expect(throws: TensorError.interrupted) { try x.reduced(.sum, axis: 0, control: control) }
    #expect(throws: TensorError.interrupted) { try x.applying(.exp, control: control) }
    // Another control is not affected.
    #expect(try x.combined(with: x, .add, control: ExecutionControl()).shape == [300, 300])
}

@Test func oneElementOperandsKeepTheirSide() throws {
    // 10 - [1, 2] == [9, 8] and [1, 2] - 10 == [-9, -8]; a 1×1 operand broadcasts up to rank 2.
    #expect(try Tensor(scalar: 10).combined(with: makeTensor([2], [1, 2]), .subtract, control: .fresh) == makeTensor([2], [9, 8]))
    #expect(try makeTensor([2], [1, 2]).combined(with: Tensor(scalar: 10), .subtract, control: .fresh) == makeTensor([2], [-9, -8]))
    #expect(try makeTensor([1, 1], [10]).combined(with: makeTensor([2], [1, 2]), .divide, control: .fresh) == makeTensor([1, 2], [10, 5]))
    #expect(try makeTensor([2], [1, 2]).combined(with: makeTensor([1, 1], [2]), .power, control: .fresh) == makeTensor([1, 2], [1, 4]))
}

@Test func everyRowLayoutOfTheKernel() throws {
    // Rows pairing contiguous/contiguous, contiguous/constant, constant/contiguous and
    // constant/constant operands, against results written out by hand.
    let column = makeTensor([2, 1], [1, 2])
    let row = makeTensor([1, 3], [10, 20, 30])
    #expect(try column.combined(with: row, .subtract, control: .fresh) == makeTensor([2, 3], [-9, -19, -29, -8, -18, -28]))
    #expect(try row.combined(with: column, .divide, control: .fresh) == makeTensor([2, 3], [10, 20, 30, 5, 10, 15]))
    #expect(try column.combined(with: makeTensor([1, 1], [3]), .remainder, control: .fresh) == makeTensor([2, 1], [1, 2]))
    #expect(try makeTensor([2, 1, 1], [1, 2]).combined(with: makeTensor([3, 1], [0, 1, 2]), .maximum, control: .fresh)
        == makeTensor([2, 3, 1], [1, 1, 2, 2, 2, 2]))
}

@Test func squaringByPowerEqualsMultiplication() throws {
    // numpy computes x ** 2 as x * x; the fast path must agree bit for bit (and keep NaN/inf).
    var generator = RandomGenerator(seed: 11)
    let x = try Tensor.randomNormal([1000], using: &generator, control: .fresh)
    #expect(try x.combined(with: Tensor(scalar: 2), .power, control: .fresh) == x.combined(with: x, .multiply, control: .fresh))
    let special = try makeTensor([3], [.nan, -.infinity, -0.0]).combined(with: Tensor(scalar: 2), .power, control: .fresh)
    #expect(special.scalars[0].isNaN && special.scalars[1] == .infinity && special.scalars[2] == 0)
}

// An operand whose shape, less leading 1s, ends the other's (`x + y[0]`, a bias row) is
// repeated row by row in one kernel call (ElementwiseKernel.combineRows), on either side, for
// row lengths that leave a partial vector and for a result split over the cores; each element
// against the definition, exactly (one rounding per element either way).
@Test(arguments: [([3, 4, 5], [5]), ([3, 4, 5], [4, 5]), ([3, 4, 5], [1, 4, 5]), ([3, 4, 5], [1, 1, 5]),
                  ([6, 7], [1, 7]), ([2, 9], [9]), ([300, 1001], [1001])])
func repeatedRowsMatchTheDefinition(_ fullShape: [Int], _ rowShape: [Int]) throws {
    let full = try arangeTensor(fullShape).combined(with: Tensor(scalar: 0.37), .multiply, control: .fresh)
    let row = try arangeTensor(rowShape).combined(with: Tensor(scalar: 1.5), .add, control: .fresh)
    for operation in [BinaryOperation.subtract, .divide] {
        let right = try full.combined(with: row, operation, control: .fresh)
        let left = try row.combined(with: full, operation, control: .fresh)
        #expect(right.shape == fullShape && left.shape == fullShape)
        let (a, b, rightValues, leftValues) = (full.scalars, row.scalars, right.scalars, left.scalars)
        let wrong = a.indices.filter { index in
            rightValues[index] != operation.apply(a[index], b[index % b.count])
                || leftValues[index] != operation.apply(b[index % b.count], a[index])
        }
        #expect(wrong.isEmpty, "\(operation) of \(fullShape) and \(rowShape) differs at \(wrong.prefix(5))")
    }
}
