import Testing
@testable import Tensors

// Expected values computed with numpy on np.arange(24.).reshape(2, 3, 4).
@Test func indexesAndSlicesWithNegativeStep() throws {
    let x = arangeTensor([2, 3, 4])
    let picked = try x.subscripted([.index(1), .slice(start: nil, stop: nil, step: -1), .slice(start: 1, stop: 3, step: nil)], control: .fresh)
    #expect(picked == makeTensor([3, 2], [21, 22, 17, 18, 13, 14]))
}

@Test func missingComponentsSelectWholeAxes() throws {
    let x = arangeTensor([2, 3, 4])
    #expect(try x.subscripted([.all, .index(-1)], control: .fresh) == makeTensor([2, 4], [8, 9, 10, 11, 20, 21, 22, 23]))
    #expect(try x.subscripted([], control: .fresh) == x)
}

@Test func emptySlicesGiveEmptyAxes() throws {
    let x = arangeTensor([2, 3, 4])
    #expect(try x.subscripted([.index(0), .slice(start: 1, stop: -1, step: -1)], control: .fresh).shape == [0, 4])
    #expect(try x.subscripted([.all, .slice(start: 5, stop: nil, step: nil)], control: .fresh).shape == [2, 0, 4])
}

@Test func outOfRangeIndexNamesAxisAndSize() {
    let x = arangeTensor([3, 2])
    #expect(throws: TensorError.indexOutOfRange("index 5 is out of range for axis 0 with size 3")) {
        try x.subscripted([.index(5)], control: .fresh)
    }
    #expect(throws: TensorError.indexOutOfRange("index -3 is out of range for axis 1 with size 2")) {
        try x.subscripted([.index(0), .index(-3)], control: .fresh)
    }
}

@Test func tooManyIndicesAndZeroStepAreErrors() {
    let x = arangeTensor([3])
    #expect(throws: TensorError.self) { try x.subscripted([.index(0), .index(0)], control: .fresh) }
    #expect(throws: TensorError.invalidArgument("slice step cannot be zero")) {
        try x.subscripted([.slice(start: nil, stop: nil, step: 0)], control: .fresh)
    }
}

@Test func assignsBroadcastValuesIntoSlices() throws {
    // y = np.zeros((3, 4)); y[1:, ::2] = [7, 8]; y[0] = 5; y[-1, -1] = 9
    var y = makeTensor([3, 4], [Double](repeating: 0, count: 12))
    try y.assign(makeTensor([2], [7, 8]), at: [.slice(start: 1, stop: nil, step: nil), .slice(start: nil, stop: nil, step: 2)], control: .fresh)
    try y.assign(Tensor(scalar: 5), at: [.index(0)], control: .fresh)
    try y.assign(Tensor(scalar: 9), at: [.index(-1), .index(-1)], control: .fresh)
    #expect(y == makeTensor([3, 4], [5, 5, 5, 5, 7, 0, 8, 0, 7, 0, 8, 9]))
}

@Test func assignRejectsValueThatDoesNotFit() {
    var y = arangeTensor([3, 4])
    #expect(throws: TensorError.self) { try y.assign(arangeTensor([3]), at: [.index(0)], control: .fresh) }
    #expect(y == arangeTensor([3, 4]))
}

@Test func elementAgreesWithSubscriptingEveryPosition() throws {
    var x = arangeTensor([2, 3, 4])
    for i in -2..<2 {
        for j in -3..<3 {
            for k in -4..<4 {
                let viaView = try x.subscripted([.index(i), .index(j), .index(k)], control: .fresh).scalars
                #expect(try [x.element(at: [i, j, k])] == viaView)
            }
        }
    }
    try x.setElement(-1, at: [1, -1, 0])
    #expect(try x.subscripted([.index(1), .index(2), .index(0)], control: .fresh).scalars == [-1])
}

@Test func elementOutOfRangeSaysWhatSubscriptingSays() throws {
    let x = arangeTensor([2, 3])
    #expect(throws: TensorError.indexOutOfRange("index 3 is out of range for axis 1 with size 3")) {
        try x.element(at: [0, 3])
    }
    #expect(throws: TensorError.indexOutOfRange("index 3 is out of range for axis 1 with size 3")) {
        try x.subscripted([.index(0), .index(3)], control: .fresh)
    }
    #expect(throws: TensorError.self) { try x.element(at: [0]) }
}

// Indices alone on a row-major tensor copy one contiguous block of storage; the same selection
// written with one-element slices goes through the strided view, and a transposed layout
// always does: both agree with the block, element for element.
@Test func leadingIndicesCopyTheBlockTheViewSelects() throws {
    let x = arangeTensor([3, 4, 5])
    func slice(_ i: Int) -> TensorIndex { .slice(start: i, stop: i == -1 ? nil : i + 1, step: nil) }
    for i in -3..<3 {
        let block = try x.subscripted([.index(i)], control: .fresh)
        #expect(block.shape == [4, 5])
        #expect(try block.scalars == x.subscripted([slice(i)], control: .fresh).scalars)
        for j in -4..<4 {
            let row = try x.subscripted([.index(i), .index(j)], control: .fresh)
            #expect(row.shape == [5])
            #expect(try row.scalars == x.subscripted([slice(i), slice(j)], control: .fresh).scalars)
        }
    }
    let transposed = try x.transposed(control: .fresh)
    let rowMajor = Tensor(validatedShape: transposed.shape, scalars: transposed.scalars)
    #expect(try transposed.subscripted([.index(-1), .index(2)], control: .fresh)
        == rowMajor.subscripted([.index(-1), .index(2)], control: .fresh))
    #expect(throws: TensorError.self) { try x.subscripted([.index(1), .index(4)], control: .fresh) }
}
