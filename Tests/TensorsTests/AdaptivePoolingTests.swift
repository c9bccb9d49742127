import Testing
@testable import Tensors

// Adaptive pooling against torch's window formula worked by hand (start ⌊i·L/n⌋, end
// ⌈(i+1)·L/n⌉), and against fixed-window pooling where n divides L (then the two are the same
// windows). Values are small integers, or means of a few, exactly representable: tolerance zero.
// Random shapes and sizes are in the torch fixtures (layerConvolutionAndPoolingMatchTorch).

private func tensor(_ shape: [Int], _ scalars: [Double]) throws -> Tensor {
    try Tensor(shape: shape, scalars: scalars)
}

@Test func adaptiveWindowsOverlapByOneWhenTheOutputDoesNotDivideTheInput() {
    let windows = AdaptiveWindows(input: 7, output: 3)
    #expect((0..<3).map(windows.window) == [0..<3, 2..<5, 4..<7])
    // More outputs than inputs: every window holds one input, some inputs repeat.
    let stretched = AdaptiveWindows(input: 2, output: 3)
    #expect((0..<3).map(stretched.window) == [0..<1, 0..<2, 1..<2])
}

@Test func adaptiveMaxPoolGivesTheSameNumberOfOutputsForEverySize() throws {
    let x = try tensor([7], [3, 1, 4, 1, 5, 9, 2])
    #expect(try x.adaptivePooled(to: [3], kind: .max, control: .fresh).scalars == [4, 5, 9])
    for length in [4, 7, 10, 41] {
        let signal = try Tensor(shape: [length], scalars: (0..<length).map { Double($0 % 5) })
        #expect(try signal.adaptivePooled(to: [4], kind: .max, control: .fresh).shape == [4])
    }
}

@Test func adaptivePoolingEqualsFixedPoolingWhenTheSizesDivide() throws {
    let planes = try Tensor(shape: [2, 6, 8], scalars: (0..<96).map { Double(($0 * 37) % 23) - 11 })
    let adaptiveMax = try planes.adaptivePooled(to: [3, 2], kind: .max, control: .fresh)
    let adaptiveMean = try planes.adaptivePooled(to: [3, 2], kind: .average, control: .fresh)
    #expect(adaptiveMax == (try planes.maxPool2d(size: [2, 4], control: .fresh)))
    #expect(adaptiveMean == (try planes.avgPool2d(size: [2, 4], control: .fresh)))
}

@Test func adaptiveAveragePoolDividesEachWindowByItsOwnSize() throws {
    let grid = try Tensor(shape: [3, 5], scalars: (0..<15).map(Double.init))
    // Columns 0…2 and 2…4 over all three rows: means 54/9 and 72/9.
    #expect(try grid.adaptivePooled(to: [1, 2], kind: .average, control: .fresh) == (try tensor([1, 2], [6, 8])))
}

@Test func adaptiveMaxPoolLetsNaNWin() throws {
    let x = try tensor([4], [1, .nan, 3, 2])
    let pooled = try x.adaptivePooled(to: [2], kind: .max, control: .fresh).scalars
    #expect(pooled[0].isNaN && pooled[1] == 3)
}

@Test func adaptivePoolingRejectsBadSizesWithTypedErrors() throws {
    let x = try tensor([2, 3], [1, 2, 3, 4, 5, 6])
    #expect(throws: TensorError.invalidArgument("adaptive_maxpool: every output size must be at least 1, found 0, 2")) {
        try x.adaptivePooled(to: [0, 2], kind: .max, control: .fresh)
    }
    #expect(throws: TensorError.shapeMismatch(
        "adaptive_avgpool: expected the input to be H×W, C×H×W or N×C×H×W for 2 output size(s), found 3")) {
        try tensor([3], [1, 2, 3]).adaptivePooled(to: [1, 1], kind: .average, control: .fresh)
    }
    #expect(throws: TensorError.invalidArgument(
        "adaptive_maxpool: output must be one size or a (height, width) pair, found 3 values")) {
        try x.adaptivePooled(to: [1, 1, 1], kind: .max, control: .fresh)
    }
    let control = ExecutionControl()
    control.maxElements = 10
    #expect(throws: TensorError.self) { try x.adaptivePooled(to: [4, 4], kind: .max, control: control) }
}
