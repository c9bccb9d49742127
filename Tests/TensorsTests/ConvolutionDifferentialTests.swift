import Testing
@testable import Tensors

// Tolerance: 1e-12 × the case's `scale`, the largest Σ|input|·|weight| (+|bias|) that feeds one
// output. Each product and sum is rounded to within 2^-53 relative, so any summation order
// stays within (terms) × 1.1e-16 × scale of the exact value; the cases have at most a few
// hundred terms, so both implementations are within about 1e-13 × scale of the truth, and
// 1e-12 × scale is a safe bound that a misplaced index or crop offset (an error of the order of
// one whole product) still breaks.
private let relativeTolerance = 1e-12

@Test func signalConvolutionMatchesScipy() throws {
    let file = try ConvolutionFixtures.load("signal", as: ConvolutionFixtures.SignalCase.self)
    #expect(file.cases.count > 200)
    for (index, item) in file.cases.enumerated() {
        let input = try item.x.tensor()
        let kernel = try item.k.tensor()
        guard let mode = SignalMode(rawValue: item.mode) else {
            throw ConvolutionFixtures.Malformed(reason: "unknown mode \(item.mode)")
        }
        let label = "case \(index): \(item.function) \(input.shape) \(kernel.shape) \(item.mode)"
        let run = {
            item.function == "convolve"
                ? try input.convolved(with: kernel, mode: mode, control: .fresh)
                : try input.correlated(with: kernel, mode: mode, control: .fresh)
        }
        guard let expected = item.expected, let scale = item.scale else {
            #expect(throws: TensorError.self, "\(label) should fail as scipy does") { try run() }
            continue
        }
        let difference = ConvolutionFixtures.maxDifference(try run(), try expected.tensor())
        #expect(difference <= relativeTolerance * scale, "\(label): difference \(difference)")
    }
}

@Test func layerConvolutionAndPoolingMatchTorch() throws {
    let file = try ConvolutionFixtures.load("layer", as: ConvolutionFixtures.LayerCase.self)
    #expect(file.cases.count > 200)
    for (index, item) in file.cases.enumerated() {
        let label = "case \(index): \(item.function) x \(item.x.shape)"
        guard let expected = item.expected, let scale = item.scale else {
            #expect(throws: TensorError.self, "\(label) should fail as torch does") { try run(item) }
            continue
        }
        let difference = ConvolutionFixtures.maxDifference(try run(item), try expected.tensor())
        #expect(difference <= relativeTolerance * scale, "\(label): difference \(difference)")
    }
}

/// Calls the Tensor method that corresponds to the torch function the case names.
private func run(_ item: ConvolutionFixtures.LayerCase) throws -> Tensor {
    let input = try item.x.tensor()
    let padding = try item.padding?.padding() ?? .widths([0])
    let poolPadding: [Int]
    if case .widths(let values) = padding { poolPadding = values } else { poolPadding = [0] }
    switch item.function {
    case "conv1d", "conv2d":
        guard let weight = try item.w?.tensor() else { throw ConvolutionFixtures.Malformed(reason: "\(item.function) case without a weight") }
        let bias = try item.bias?.tensor()
        let options = ConvolutionOptions(stride: item.stride ?? [1], padding: padding, dilation: item.dilation ?? [1],
                                         groups: item.groups ?? 1)
        return item.function == "conv1d"
            ? try input.conv1d(weight: weight, bias: bias, options: options, control: .fresh)
            : try input.conv2d(weight: weight, bias: bias, options: options, control: .fresh)
    case "max_pool1d": return try input.maxPool1d(size: item.size ?? [], stride: item.stride, padding: poolPadding, control: .fresh)
    case "avg_pool1d": return try input.avgPool1d(size: item.size ?? [], stride: item.stride, padding: poolPadding, control: .fresh)
    case "max_pool2d": return try input.maxPool2d(size: item.size ?? [], stride: item.stride, padding: poolPadding, control: .fresh)
    case "avg_pool2d": return try input.avgPool2d(size: item.size ?? [], stride: item.stride, padding: poolPadding, control: .fresh)
    case "adaptive_max_pool1d", "adaptive_max_pool2d":
        return try input.adaptivePooled(to: item.size ?? [], kind: .max, control: .fresh)
    case "adaptive_avg_pool1d", "adaptive_avg_pool2d":
        return try input.adaptivePooled(to: item.size ?? [], kind: .average, control: .fresh)
    default: throw ConvolutionFixtures.Malformed(reason: "unknown function \(item.function)")
    }
}
