import Tensors
import Testing
@testable import TextPlots

/// Values from a fixed arithmetic pattern with signs and fractions, so that no two taps agree
/// by accident.
private func pattern(_ shape: [Int], _ seed: Double) throws -> Tensor {
    let count = shape.reduce(1, *)
    return try Tensor(shape: shape, scalars: (0..<count).map { Double(($0 * 7 + Int(seed)) % 11) - 4.5 + seed / 8 })
}

private func axes(_ input: [Int], _ kernel: [Int], padding: [Padding], stride: [Int] = [1], dilation: [Int] = [1])
    throws -> [WindowAxis]
{
    try WindowOptions(stride: stride, padding: .pairs(padding), dilation: dilation)
        .window(kernelShape: kernel, name: "test").axes(input: input, name: "test")
}

/// Every output the figure writes out equals `correlate` (scipy's modes): the same sums, so the
/// comparison is exact.
@Test(arguments: SignalMode.allCases)
func everyStepSumsToWhatCorrelateComputes(_ mode: SignalMode) throws {
    for (inputShape, kernelShape) in [([9], [4]), ([5, 6], [3, 2]), ([4, 4], [2, 3])] {
        let x = try pattern(inputShape, 3), k = try pattern(kernelShape, 5)
        let padding = zip(inputShape, kernelShape).map { mode.padding(input: $0, kernel: $1) }
        let windows = try axes(inputShape, kernelShape, padding: padding)
        let expected = try x.correlated(with: k, mode: mode, control: ExecutionControl())
        #expect(windows.map(\.output) == expected.shape)
        let outputs = windows.map(\.output).reduce(1, *)
        for index in 0..<outputs {
            let position = windows.count == 2 ? [index / windows[1].output, index % windows[1].output] : [index]
            #expect(WindowStep.value(input: x, kernel: k, axes: windows, at: position) == expected.scalars[index],
                    "\(mode) \(inputShape) \(kernelShape) at \(position)")
        }
    }
}

/// With stride, padding and dilation the figure's sums are conv2d's (torch semantics).
@Test func stridedPaddedDilatedStepsSumToWhatConv2dComputes() throws {
    let x = try pattern([7, 8], 2), k = try pattern([3, 2], 1)
    let windows = try axes([7, 8], [3, 2], padding: [.symmetric(1), .symmetric(2)], stride: [2, 3], dilation: [2, 1])
    let options = ConvolutionOptions(stride: [2, 3], padding: .widths([1, 2]), dilation: [2, 1])
    let expected = try x.reshaped([1, 7, 8]).conv2d(weight: k.reshaped([1, 1, 3, 2]), options: options,
                                                     control: ExecutionControl())
    #expect([1] + windows.map(\.output) == expected.shape)
    for row in 0..<windows[0].output {
        for column in 0..<windows[1].output {
            let value = WindowStep.value(input: x, kernel: k, axes: windows, at: [row, column])
            #expect(abs(value - expected.scalars[row * windows[1].output + column]) < 1e-12)
        }
    }
}

@Test func theFigureMarksTheWindowWritesTheProductsAndFillsTheOutputSoFar() throws {
    let x = try Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init))
    let k = try Tensor(shape: [2, 2], scalars: [1, 0, 0, -1])
    let figure = WindowStep.render(input: x, kernel: k, axes: try axes([3, 4], [2, 2], padding: [.none, .none]),
                                   at: 4, width: 80)
    #expect(figure.text == """
        window at output [1, 1] of 2×3 (step 5 of 6)
        input 3×4          kernel 2×2
          0   1   2   3      1   0
          4 [ 5][ 6]  7      0  -1
          8 [ 9][10] 11
        5·1 + 6·0 + 9·0 + 10·(-1) = -5
        output 2×3 so far
         -5  -5  -5
         -5 [-5]  ·
        """)
}

@Test func longSumsWrapAtTheWidthAndPaddingIsDrawnAsDots() throws {
    let x = try Tensor(shape: [3], scalars: [1, 2, 3])
    let k = try Tensor(shape: [5], scalars: [1, 1, 1, 1, 1])
    let figure = WindowStep.render(input: x, kernel: k, axes: try axes([3], [5], padding: [.symmetric(2)]),
                                   at: 0, width: 20)
    #expect(figure.text == """
        window at output 0 of 3 (step 1 of 3)
        input 3                 kernel 5
        [·][·][1][2][3] ·  ·     1  1  1  1  1
        · padding (zeros)
        0·1 + 0·1 + 1·1 +
          2·1 + 3·1 = 6
        output 3 so far
        [6] ·  ·
        """)
}
