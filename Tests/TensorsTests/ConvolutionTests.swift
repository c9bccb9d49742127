import Testing
@testable import Tensors

// Hand-checked examples and error messages; the fixtures cover the numbers at large.
// Every value here is a small integer or a sum of a few, so results are exact and compared
// with a tolerance of zero.

private func tensor(_ shape: [Int], _ scalars: [Double]) throws -> Tensor {
    try Tensor(shape: shape, scalars: scalars)
}

private func message(of body: () throws -> Tensor) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as TensorError {
        return error.message
    } catch {
        return "\(error)"
    }
}

@Test func edgeKernelFindsTheStepInEachRow() throws {
    // The book's figure 9.6: [-1, 1] correlated along each row is the horizontal difference.
    let image = try tensor([2, 3], [1, 2, 4, 0, 0, 5])
    let edges = try image.correlated(with: tensor([1, 2], [-1, 1]), control: .fresh)
    #expect(edges == (try tensor([2, 2], [1, 2, 0, 5])))
}

@Test func convolveFlipsTheKernelAndModesCropLikeScipy() throws {
    let signal = try tensor([3], [1, 2, 3])
    let kernel = try tensor([3], [0, 1, 0.5])
    #expect(try signal.convolved(with: kernel, mode: .full, control: .fresh).scalars == [0, 1, 2.5, 4, 1.5])
    #expect(try signal.convolved(with: kernel, mode: .same, control: .fresh).scalars == [1, 2.5, 4])
    #expect(try signal.convolved(with: kernel, control: .fresh).scalars == [2.5])
    #expect(try signal.correlated(with: kernel, mode: .full, control: .fresh).scalars == [0.5, 2, 3.5, 3, 0])
}

@Test func evenKernelSameModeStartsAtHalfTheKernelRoundedDown() throws {
    // scipy.signal.correlate([1, 2, 3, 4], [1, 10], "same") == [10, 21, 32, 43]: the full
    // result [10, 21, 32, 43, 4] cropped from (2 - 1) / 2 = 0 (correlate2d would start at 1).
    let result = try tensor([4], [1, 2, 3, 4]).correlated(with: tensor([2], [1, 10]), mode: .same, control: .fresh)
    #expect(result.scalars == [10, 21, 32, 43])
}

@Test func validModeWithALargerKernelSwapsAsScipyDoes() throws {
    // scipy.signal.correlate([1, 2], [1, 10, 100], "valid") == [210, 21]
    let result = try tensor([2], [1, 2]).correlated(with: tensor([3], [1, 10, 100]), control: .fresh)
    #expect(result.scalars == [210, 21])
}

@Test func validModeRejectsMixedShapes() throws {
    let text = message { try tensor([2, 3], [1, 2, 3, 4, 5, 6]).correlated(with: tensor([3, 1], [1, 2, 3]), control: .fresh) }
    #expect(text == "correlate: mode \"valid\" needs one operand at least as large as the other on every axis, found input 2×3 and kernel 3×1; use mode \"same\" or \"full\"")
}

@Test func signalConvolutionChecksRanksAndModes() throws {
    #expect(message { try tensor([2], [1, 2]).convolved(with: tensor([1, 1], [1]), control: .fresh) }
        == "convolve: the input and the kernel need the same rank, found 2 and 1×1")
    #expect(try tensor([0], []).convolved(with: tensor([1], [1]), control: .fresh).shape == [0])
}

@Test func oversizedResultIsALimitErrorBeforeAllocating() throws {
    // (2^14 + 1)^2 outputs exceed the default cap of 2^28 elements; the operands are small.
    let column = try Tensor(repeating: 1, shape: [16385, 1], control: .fresh)
    let row = try Tensor(repeating: 1, shape: [1, 16385], control: .fresh)
    #expect { try column.correlated(with: row, mode: .full, control: .fresh) } throws: { error in
        guard case TensorError.limitExceeded = error else { return false }
        return true
    }
}

@Test func conv2dUnbatchedWithBiasStrideAndPadding() throws {
    let image = try tensor([1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])
    let weight = try tensor([1, 1, 2, 2], [1, 0, 0, 1])
    let result = try image.conv2d(weight: weight, bias: tensor([1], [10]),
                                   options: ConvolutionOptions(stride: [2], padding: .widths([1])), control: .fresh)
    // Padded 5×5, windows at rows/columns 0 and 2: x[i-1, j-1] + x[i, j] + 10.
    #expect(result.shape == [1, 2, 2])
    #expect(result.scalars == [11, 13, 17, 24])
}

@Test func conv1dSamePaddingPutsTheExtraZeroOnTheRight() throws {
    // torch: F.conv1d([[1, 2, 3]], [[[1, 10]]], padding="same") == [[21, 32, 3]]
    let result = try tensor([1, 3], [1, 2, 3]).conv1d(weight: tensor([1, 1, 2], [1, 10]), options: ConvolutionOptions(padding: .same), control: .fresh)
    #expect(result.shape == [1, 3])
    #expect(result.scalars == [21, 32, 3])
}

@Test func layerConvolutionErrorsSayWhatWasExpected() throws {
    let input = try Tensor(repeating: 1, shape: [1, 5, 8, 8], control: .fresh)
    let weight = try Tensor(repeating: 1, shape: [4, 3, 3, 3], control: .fresh)
    #expect(message { try input.conv2d(weight: weight, control: .fresh) }
        == "conv2d: with groups=1 and weight 4×3×3×3 the input needs 3 channels, found 5 (input 1×5×8×8)")
    let small = try Tensor(repeating: 1, shape: [1, 3, 3], control: .fresh)
    let big = try Tensor(repeating: 1, shape: [1, 1, 3, 3], control: .fresh)
    #expect(message { try small.conv2d(weight: big, options: ConvolutionOptions(dilation: [2]), control: .fresh) }
        == "conv2d: the kernel spans 5×5 (with dilation) but the padded input is only 3×3; use a smaller kernel or dilation, or more padding")
    #expect(message { try small.conv2d(weight: big, options: ConvolutionOptions(stride: [2], padding: .same), control: .fresh) }
        == "conv2d: padding \"same\" needs stride 1 (as in torch), found stride 2, 2")
    #expect(message { try small.conv2d(weight: big, bias: tensor([2], [1, 2]), control: .fresh) }
        == "conv2d: expected a bias of 1 values (one per output channel), found 2")
    #expect(message { try big.conv1d(weight: big, control: .fresh) }
        == "conv1d: expected the input to be C×W or N×C×W, found 1×1×3×3")
}

@Test func poolingFollowsTorch() throws {
    let image = try tensor([4, 4], (1...16).map(Double.init))
    #expect(try image.maxPool2d(size: [2], control: .fresh).scalars == [6, 8, 14, 16])
    #expect(try image.avgPool2d(size: [2], control: .fresh).scalars == [3.5, 5.5, 11.5, 13.5])
    // Padding counts in the average's divisor (count_include_pad) and never wins a max.
    let padded = try tensor([1, 2], [-1, -3]).maxPool1d(size: [2], padding: [1], control: .fresh)
    #expect(padded.scalars == [-1, -3])
    #expect(try tensor([2], [4, 6]).avgPool1d(size: [2], stride: [1], padding: [1], control: .fresh).scalars == [2, 5, 3])
    #expect(message { try image.maxPool2d(size: [3], padding: [2], control: .fresh) }
        == "maxpool: padding must be at most half the window, found padding 2 for size 3")
    #expect(message { try image.avgPool2d(size: [5], control: .fresh) }
        == "avgpool: the window spans 5×5 but the padded input is only 4×4; use a smaller window, or more padding")
}

@Test func maxPoolPropagatesNaN() throws {
    let result = try tensor([4], [1, .nan, 3, 2]).maxPool1d(size: [2], control: .fresh)
    #expect(result.scalars[0].isNaN)
    #expect(result.scalars[1] == 3)
}

@Test func hugeArgumentsAreErrorsNotOverflows() throws {
    let image = try Tensor(repeating: 1, shape: [1, 4, 4], control: .fresh)
    let weight = try Tensor(repeating: 1, shape: [1, 1, 3, 3], control: .fresh)
    let huge = 1 << 41
    #expect(throws: TensorError.self) { try image.conv2d(weight: weight, options: ConvolutionOptions(dilation: [huge]), control: .fresh) }
    #expect(throws: TensorError.self) { try image.conv2d(weight: weight, options: ConvolutionOptions(padding: .widths([huge])), control: .fresh) }
    #expect(throws: TensorError.self) {
        try image.conv2d(weight: weight, options: ConvolutionOptions(stride: [huge], groups: huge), control: .fresh)
    }
    #expect(throws: TensorError.self) { try image.maxPool2d(size: [huge], padding: [huge / 2], control: .fresh) }
    // Within the argument bound, but the output would not fit the allocation cap.
    #expect(throws: TensorError.self) { try image.conv2d(weight: weight, options: ConvolutionOptions(padding: .widths([1 << 30])), control: .fresh) }
    // A huge padded window over a small input is legal (as in torch) and costs only the input.
    #expect(try image.avgPool2d(size: [1 << 30], stride: [1], padding: [1 << 29], control: .fresh).shape == [1, 5, 5])
}

@Test func emptyAxesFollowTorch() throws {
    let weight = try Tensor(repeating: 1, shape: [1, 1, 1, 1], control: .fresh)
    // torch: "Only zero batch or zero channel inputs are supported".
    #expect(message { try Tensor(repeating: 0, shape: [1, 1, 0, 0], control: .fresh).conv2d(weight: weight, options: ConvolutionOptions(padding: .widths([1])), control: .fresh) }
        == "conv2d: the input 1×1×0×0 has an empty spatial axis; only the batch may be empty")
    #expect(try Tensor(repeating: 0, shape: [0, 1, 3, 3], control: .fresh).conv2d(weight: weight, control: .fresh).shape == [0, 1, 3, 3])
    #expect(message { try Tensor(repeating: 0, shape: [0, 2, 4], control: .fresh).maxPool2d(size: [1], control: .fresh) }
        == "maxpool: the input 0×2×4 has an empty axis; only the batch may be empty")
    #expect(try Tensor(repeating: 0, shape: [0, 1, 4, 4], control: .fresh).avgPool2d(size: [2], control: .fresh).shape == [0, 1, 2, 2])
}
