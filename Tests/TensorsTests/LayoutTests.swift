import Testing
@testable import Tensors

// A transpose copies nothing (`Tensor+Layout.swift`): every operation must give a transposed
// tensor the same answer, bit for bit, as the same elements stored row-major. The reference
// (`rowMajorTwin`) is built from the index formula, not from the layout code under test.

/// The elements of `x.transposed(order)` stored row-major, computed position by position:
/// result[i0, i1, ...] = x[i at order^-1 ...].
private func rowMajorTwin(of x: Tensor, transposedBy order: [Int]) -> Tensor {
    let shape = order.map { x.shape[$0] }
    let sourceStrides = Tensor.strides(for: x.shape)
    let count = shape.reduce(1, *)
    var values = [Double](repeating: 0, count: count)
    for flat in 0..<count {
        var rest = flat
        var offset = 0
        for axis in (0..<shape.count).reversed() {
            offset += (rest % shape[axis]) * sourceStrides[order[axis]]
            rest /= shape[axis]
        }
        values[flat] = x.scalars[offset]
    }
    return makeTensor(shape, values)
}

/// Both tensors have the same shape and the same elements, bit for bit (NaN equal to NaN).
private func sameBits(_ a: Tensor, _ b: Tensor) -> Bool {
    a.shape == b.shape && zip(a.scalars, b.scalars).allSatisfy { $0.bitPattern == $1.bitPattern }
}

@Test func transposeIsAViewWhoseScalarsAreRowMajor() throws {
    let x = arangeTensor([3, 5, 4])
    for order in [[1, 0, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1], [0, 2, 1]] {
        let t = try x.transposed(order, control: .fresh)
        #expect(!t.isRowMajor)
        #expect(sameBits(t, rowMajorTwin(of: x, transposedBy: order)))
        #expect(t == rowMajorTwin(of: x, transposedBy: order))
        #expect(try t.rowMajor(control: .fresh).isRowMajor)
        for i in 0..<t.shape[0] {
            for j in 0..<t.shape[1] {
                for k in 0..<t.shape[2] {
                    let position = [i, j, k]
                    var source = [0, 0, 0]
                    for (axis, from) in order.enumerated() { source[from] = position[axis] }
                    #expect(try t.element(at: position) == x.element(at: source))
                }
            }
        }
    }
    // Transposing back gives the row-major layout again, storage shared.
    let back = try x.transposed([2, 0, 1], control: .fresh).transposed([1, 2, 0], control: .fresh)
    #expect(back.isRowMajor)
    #expect(back == x)
}

@Test func elementwiseOperationsOnTransposesMatchTheirRowMajorTwins() throws {
    var generator = RandomGenerator(seed: 11)
    let x = try Tensor.random([37, 53], using: &generator, control: .fresh)
    let y = try Tensor.random([53, 37], using: &generator, control: .fresh)
    let t = try x.transposed(control: .fresh)
    let twin = rowMajorTwin(of: x, transposedBy: [1, 0])
    let row = try Tensor.random([37], using: &generator, control: .fresh)
    let column = try Tensor.random([53, 1], using: &generator, control: .fresh)
    for operation in [BinaryOperation.add, .multiply, .subtract, .divide] {
        // Transposed with transposed (same layout), with row-major, row-major with transposed,
        // with a scalar on either side, with a broadcast row and a broadcast column.
        let cases: [(Tensor, Tensor, Tensor, Tensor)] = [
            (t, t, twin, twin), (t, y, twin, y), (y, t, y, twin),
            (t, Tensor(scalar: 2), twin, Tensor(scalar: 2)), (Tensor(scalar: 2), t, Tensor(scalar: 2), twin),
            (t, row, twin, row), (row, t, row, twin), (t, column, twin, column), (column, t, column, twin),
        ]
        for (left, right, leftTwin, rightTwin) in cases {
            let result = try left.combined(with: right, operation, control: .fresh)
            #expect(sameBits(result, try leftTwin.combined(with: rightTwin, operation, control: .fresh)))
        }
    }
    // `x.T + 0` keeps the transposed layout: one contiguous pass, as numpy's order='K'.
    #expect(!(try t.combined(with: Tensor(scalar: 0), .add, control: .fresh)).isRowMajor)
    for function in [UnaryFunction.exp, .tanh, .sqrt, .abs] {
        #expect(sameBits(try t.applying(function, control: .fresh), try twin.applying(function, control: .fresh)))
    }
    #expect(sameBits(t.map { $0 * 3 + 1 }, twin.map { $0 * 3 + 1 }))
    #expect(sameBits(try t.clipped(low: -0.5, high: 0.5, control: .fresh), try twin.clipped(low: -0.5, high: 0.5, control: .fresh)))
    #expect(sameBits(try t.softmax(axis: 1, logarithm: false, control: .fresh),
                     try twin.softmax(axis: 1, logarithm: false, control: .fresh)))
}

@Test func threeAxisPermutationsBroadcastLikeTheirTwins() throws {
    var generator = RandomGenerator(seed: 12)
    let x = try Tensor.random([4, 6, 5], using: &generator, control: .fresh)
    let last = try Tensor.random([4], using: &generator, control: .fresh)
    let middle = try Tensor.random([6, 1], using: &generator, control: .fresh)
    for order in [[2, 1, 0], [1, 2, 0], [2, 0, 1]] {
        let t = try x.transposed(order, control: .fresh)
        let twin = rowMajorTwin(of: x, transposedBy: order)
        for other in [last, middle, try Tensor.random(t.shape, using: &generator, control: .fresh)]
        where (try? Tensor.broadcastShape(t.shape, other.shape)) == t.shape {
            #expect(sameBits(try t.combined(with: other, .add, control: .fresh),
                             try twin.combined(with: other, .add, control: .fresh)))
            #expect(sameBits(try other.combined(with: t, .subtract, control: .fresh),
                             try other.combined(with: twin, .subtract, control: .fresh)))
        }
        // Against the same shape stored in every other layout.
        for other in [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1], [0, 2, 1], [1, 0, 2]] {
            let stored = try Tensor.random(other.map { t.shape[$0] }, using: &generator, control: .fresh)
            var inverse = [0, 0, 0]
            for (axis, from) in other.enumerated() { inverse[from] = axis }
            let u = try stored.transposed(inverse, control: .fresh)
            let uTwin = rowMajorTwin(of: stored, transposedBy: inverse)
            #expect(sameBits(try t.combined(with: u, .add, control: .fresh),
                             try twin.combined(with: uTwin, .add, control: .fresh)))
        }
    }
}

@Test func reductionsOfTransposesMatchTheirTwins() throws {
    var generator = RandomGenerator(seed: 13)
    let x = try Tensor.random([7, 9, 4], using: &generator, control: .fresh)
    for order in [[1, 0, 2], [2, 1, 0], [1, 2, 0]] {
        let t = try x.transposed(order, control: .fresh)
        let twin = rowMajorTwin(of: x, transposedBy: order)
        for reduction in Reduction.allCases {
            // Sums may associate differently in storage order (as numpy's, which sums x.T in
            // x's order): a few ulp of the magnitude; the others are exact.
            let exact = reduction != .sum && reduction != .mean && reduction != .norm
            let whole = try t.reduced(reduction, control: .fresh)
            let wholeTwin = try twin.reduced(reduction, control: .fresh)
            #expect(exact ? sameBits(whole, wholeTwin) : isClose(whole, [], wholeTwin.scalars, tolerance: 1e-14))
            for axis in -3..<3 {
                let reduced = try t.reduced(reduction, axis: axis, control: .fresh)
                let expected = try twin.reduced(reduction, axis: axis, control: .fresh)
                #expect(exact ? sameBits(reduced, expected) : isClose(reduced, expected.shape, expected.scalars, tolerance: 1e-14))
            }
        }
    }
}

@Test func matrixProductsReadTransposesThroughTheirStrides() throws {
    var generator = RandomGenerator(seed: 14)
    let a = try Tensor.random([33, 70], using: &generator, control: .fresh)
    let b = try Tensor.random([33, 41], using: &generator, control: .fresh)
    let at = try a.transposed(control: .fresh)
    let atTwin = rowMajorTwin(of: a, transposedBy: [1, 0])
    // aᵀ·b three ways: a lazy transpose, its row-major twin, the transposingLeft flag.
    let lazy = try at.matmul(b, control: .fresh)
    #expect(sameBits(lazy, try atTwin.matmul(b, control: .fresh)))
    #expect(sameBits(lazy, try a.matmul(b, transposingLeft: true, control: .fresh)))
    // A lazy transpose with the flag as well is the original again: (aᵀ)ᵀ·aᵀ = a·aᵀ.
    #expect(sameBits(try at.matmul(at, transposingLeft: true, control: .fresh),
                     try a.matmul(a, transposingRight: true, control: .fresh)))
    // Vectors on either side of a transposed matrix.
    let v = try Tensor.random([33], using: &generator, control: .fresh)
    let w = try Tensor.random([70], using: &generator, control: .fresh)
    #expect(isClose(try at.matmul(v, control: .fresh), [70], try atTwin.matmul(v, control: .fresh).scalars, tolerance: 1e-14))
    #expect(isClose(try w.matmul(at, control: .fresh), [33], try w.matmul(atTwin, control: .fresh).scalars, tolerance: 1e-14))
    // Stacks: the last two axes swapped (read in place) and the batch axis moved (copied).
    let s = try Tensor.random([3, 8, 5], using: &generator, control: .fresh)
    let r = try Tensor.random([3, 8, 6], using: &generator, control: .fresh)
    let swapped = try s.transposed([0, 2, 1], control: .fresh)
    #expect(sameBits(try swapped.matmul(r, control: .fresh),
                     try rowMajorTwin(of: s, transposedBy: [0, 2, 1]).matmul(r, control: .fresh)))
    let moved = try s.transposed([1, 0, 2], control: .fresh)
    let q = try Tensor.random([5, 2], using: &generator, control: .fresh)
    #expect(sameBits(try moved.matmul(q, control: .fresh),
                     try rowMajorTwin(of: s, transposedBy: [1, 0, 2]).matmul(q, control: .fresh)))
}

@Test func writingATransposeWritesItsPositionsOnly() throws {
    let x = arangeTensor([4, 6])
    var t = try x.transposed(control: .fresh)
    let copy = t
    _ = t.scalars  // fills the row-major copy shared with `copy`
    try t.setElement(-1, at: [5, 0])
    #expect(try t.element(at: [5, 0]) == -1)
    #expect(t.scalars[5 * 4] == -1)
    // The copy and the source are values: untouched.
    #expect(copy == rowMajorTwin(of: x, transposedBy: [1, 0]))
    #expect(x == arangeTensor([4, 6]))
    // Assigning a region, then subscripting one, in the transposed positions.
    try t.assign(Tensor(scalar: 9), at: [.index(1), .slice(start: 1, stop: 3, step: 1)], control: .fresh)
    var twin = rowMajorTwin(of: x, transposedBy: [1, 0])
    try twin.setElement(-1, at: [5, 0])
    try twin.assign(Tensor(scalar: 9), at: [.index(1), .slice(start: 1, stop: 3, step: 1)], control: .fresh)
    #expect(t == twin)
    let region: [TensorIndex] = [.slice(start: 4, stop: 0, step: -2), .index(-1)]
    #expect(try t.subscripted(region, control: .fresh) == twin.subscripted(region, control: .fresh))
    // Writing through `scalars` makes the storage row-major.
    t.scalars[0] = 42
    twin.scalars[0] = 42
    #expect(t.isRowMajor)
    #expect(sameBits(t, twin))
}

@Test func materialisingATransposeStopsWhenInterrupted() throws {
    let control = ExecutionControl()
    control.requestInterrupt()
    let t = try arangeTensor([300, 300]).transposed(control: control)
    #expect(throws: TensorError.interrupted) { try t.rowMajor(control: control) }
    #expect(throws: TensorError.interrupted) { try t.combined(with: arangeTensor([300, 300]), .add, control: control) }
}

@Test func appendingToATransposedStackAppendsARow() throws {
    // t = [[0, 3], [1, 4], [2, 5]] (a view of 2×3); appending [10, 11] gives a fourth row.
    var t = try arangeTensor([2, 3]).transposed(control: .fresh)
    t.append(makeTensor([2], [10, 11]))
    #expect(t == makeTensor([4, 2], [0, 3, 1, 4, 2, 5, 10, 11]))
    // Appending a transposed item to a row-major stack takes the item's positions.
    var stack = makeTensor([1, 3, 2], [0, 1, 2, 3, 4, 5])
    stack.append(try arangeTensor([2, 3]).transposed(control: .fresh))
    #expect(stack == makeTensor([2, 3, 2], [0, 1, 2, 3, 4, 5, 0, 3, 1, 4, 2, 5]))
}
