import Testing
@testable import Tensors

/// The book's edge detector (figure 9.6): the 2-D 1×2 kernel [[-1, 1]].
func edgeDetector() throws -> Layer {
    try LayerSpecification(kernel: .weights(Tensor(shape: [1, 2], scalars: [-1, 1]))).convolution()
}

@Test func figure96EdgeDetectorCounts() throws {
    let layer = try edgeDetector()
    let input = [280, 320]
    #expect(try layer.outputShape(input: input) == [280, 319])
    #expect(try layer.params() == 2)
    #expect(try layer.flops(input: input, control: .fresh) == 267_960)
    #expect(try layer.flops(input: input, control: .fresh) == 319 * 280 * 3)
    #expect(try layer.matrixEntries(input: input, control: .fresh) == 2 * 89_320)
}

@Test func figure96DenseCounts() throws {
    let dense = Layer.dense(try DenseLayer(inputs: 89_600, outputs: 89_320))
    #expect(try dense.params() == 8_003_072_000)
    #expect(try dense.flops(input: [280, 320], control: .fresh) == 16_006_054_680)
    #expect(try dense.flops(input: [89_600], control: .fresh) == 89_320 * 179_199)
}

@Test func figure96Comparison() throws {
    let layer = try edgeDetector()
    let dense = try LayerComparison.denseEquivalent(of: layer, input: [280, 320])
    let comparison = try LayerComparison(layer, dense, input: [280, 320], control: .fresh)
    #expect(comparison.firstOutput == [280, 319])
    #expect(comparison.secondOutput == [89_320])
    let params = try #require(comparison["params"])
    #expect(params.first == 2 && params.second == 8_003_072_000)
    #expect(params.ratio == 4_001_536_000)
    #expect(comparison["matrix_entries"]?.second == 8_003_072_000)
    #expect(comparison["memory_bytes"]?.first == 16)
    let flops = try #require(comparison["flops"])
    #expect(flops.first == 267_960 && flops.second == 16_006_054_680)
    // 16,006,054,680 / 267,960 is exactly 59,733.
    #expect(flops.ratio == 59_733)
    #expect(comparison.firstName == "conv" && comparison.secondName == "dense" && flops.secondIsLarger)
}

@Test func ratiosReadTheSameWhicheverLayerComesFirst() throws {
    let layer = try edgeDetector()
    let dense = try LayerComparison.denseEquivalent(of: layer, input: [280, 320])
    let forward = try LayerComparison(layer, dense, input: [280, 320], control: .fresh)
    let backward = try LayerComparison(dense, layer, input: [280, 320], control: .fresh)
    #expect(forward.rows.map(\.ratio) == backward.rows.map(\.ratio))
    #expect(backward["params"]?.ratio == 4_001_536_000 && backward["params"]?.secondIsLarger == false)
    #expect(backward.firstName == "dense" && backward.secondName == "conv")
}

@Test func denseLayerRejectsWrongInputSize() throws {
    let dense = Layer.dense(try DenseLayer(inputs: 6, outputs: 2))
    #expect(throws: TensorError.shapeMismatch(
        "dense_layer 6 → 2 expects an input of 6 values, found 2×2 (4 values); a dense layer only fits one input size"
    )) {
        try dense(Tensor(repeating: 1, shape: [2, 2], control: .fresh), control: .fresh)
    }
    #expect(throws: TensorError.shapeMismatch(
        "dense_layer 6 → 2 expects an input of 6 values, found 8 values; a dense layer only fits one input size"
    )) {
        try dense(Tensor(repeating: 1, shape: [8], control: .fresh), control: .fresh)
    }
    #expect(try dense(Tensor(repeating: 1, shape: [2, 3], control: .fresh), control: .fresh).shape == [2])
}

@Test func convolutionParamsDoNotDependOnInputSize() throws {
    let layer = try LayerSpecification(kernel: .shape([3, 3])).convolution()
    #expect(try layer.params() == 9)
    #expect(try layer.params(input: [10, 10]) == 9)
    #expect(try layer.params(input: [100, 50]) == 9)
    #expect(try layer.matrix(input: [5, 5], control: .fresh).shape == [9, 25])
    #expect(try layer.matrix(input: [8, 8], control: .fresh).shape == [36, 64])
}

@Test func variantParamCounts() throws {
    var spec = LayerSpecification(kernel: .width(3))
    spec.inChannels = 2
    spec.outChannels = 4
    #expect(try spec.convolution().params() == 4 * 2 * 3)
    #expect(try spec.convolution(sharing: .tiled(period: 2)).params() == 2 * 4 * 2 * 3)
    let local = try spec.convolution(sharing: .unshared)
    #expect(try local.params(input: [2, 10]) == 8 * 4 * 2 * 3)
    #expect(throws: TensorError.self) { try local.params() }
    var square = LayerSpecification(kernel: .shape([2, 2]))
    square.outChannels = 1
    #expect(try square.convolution(sharing: .tiled(period: 3)).params() == 9 * 4)
}

@Test(arguments: [
    // (input, kernel, stride, padding, dilation, expected output)
    (10, 3, 1, 0, 1, 8), (10, 3, 2, 0, 1, 4), (10, 3, 1, 1, 1, 10), (10, 3, 1, 0, 2, 6),
    (7, 2, 3, 2, 2, 3), (5, 5, 1, 0, 1, 1), (4, 1, 4, 0, 1, 1),
])
func outputShapeFollowsTheSizeRule(case: (Int, Int, Int, Int, Int, Int)) throws {
    var spec = LayerSpecification(kernel: .width(`case`.1))
    spec.window.stride = [`case`.2]
    spec.window.padding = .widths([`case`.3])
    spec.window.dilation = [`case`.4]
    let layer = try spec.convolution()
    #expect(try layer.outputShape(input: [`case`.0]) == [`case`.5])
    // Brute force: count the window starts that fit inside the padded input.
    let padded = `case`.0 + 2 * `case`.3
    let starts = stride(from: 0, to: padded, by: `case`.2).filter { $0 + (`case`.1 - 1) * `case`.4 < padded }
    #expect(starts.count == `case`.5)
}

@Test func samePaddingKeepsTheExtentAndPutsTheOddUnitAfter() throws {
    var spec = LayerSpecification(kernel: .shape([4, 3]))
    spec.window.padding = .same
    let layer = try spec.convolution()
    #expect(try layer.outputShape(input: [9, 7]) == [9, 7])
    guard case .convolution(let convolution) = layer else { Issue.record("expected a convolution"); return }
    #expect(convolution.window.padding == [.init(before: 1, after: 2), .init(before: 1, after: 1)])
}

@Test func variantsCostTheSameArithmeticButStoreMoreWeights() throws {
    let specification = LayerSpecification(kernel: .shape([3, 3]))
    let convolution = try specification.convolution()
    let local = try specification.convolution(sharing: .unshared)
    let tiled = try specification.convolution(sharing: .tiled(period: 2))
    let unshared = try LayerComparison(convolution, local, input: [10, 10], control: .fresh)
    #expect(unshared["params"]?.second == 64 * 9 && unshared["params"]?.ratio == 64)
    #expect(unshared["flops"]?.ratio == 1 && unshared["matrix_entries"]?.ratio == 1)
    let cycled = try LayerComparison(convolution, tiled, input: [10, 10], control: .fresh)
    #expect(cycled["params"]?.ratio == 4 && cycled["memory_bytes"]?.second == 4 * 9 * 8)
    #expect(try LayerComparison(Layer.pooling(PoolingLayer(window: WindowOptions(stride: [2])
        .window(kernelShape: [2], name: "pool_layer"), kind: .max)),
        convolution, input: [4, 4], control: .fresh)["params"]?.ratio == nil)
}

@Test func hugeOrOverflowingSizesAreErrorsNotCrashesOrHangs() throws {
    var padded = LayerSpecification(kernel: .width(3))
    padded.window.padding = .widths([1_000_000_000_000])
    // 2·10¹² + 3 outputs, of which only 7 see any input: counted without visiting them.
    // Each of the 5 inputs is under each of the 3 taps once: 15 multiplications, 15 − 7 additions.
    #expect(try padded.convolution().flops(input: [5], control: .fresh) == 2 * 15 - 7)
    #expect(throws: TensorError.self) { try padded.convolution().connectivity(input: [5], control: .fresh) }
    #expect(throws: TensorError.self) { try LayerSpecification(kernel: .shape([10_000_000_000, 10_000_000_000])).convolution() }
    var dilated = LayerSpecification(kernel: .width(1_000_000_000))
    dilated.window.dilation = [100_000_000_000]
    #expect(throws: TensorError.self) { try dilated.convolution() }
    #expect(throws: TensorError.self) {
        try LayerSpecification(kernel: .shape([2, 2])).convolution(sharing: .tiled(period: 10_000_000_000))
    }
}
