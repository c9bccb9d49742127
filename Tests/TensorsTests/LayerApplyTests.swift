import Testing
@testable import Tensors

/// Sums of at most 18 products of values in [−1, 1], added in different orders by the two
/// implementations compared: a relative 1e-12 is thousands of ulps of headroom.
private let tolerance = 1e-12

@Test func directLoopsAgreeWithConv2dWhenEveryCopyHoldsTheSameKernel() throws {
    var random = LayerTestRandom(seed: 95)
    for _ in 0..<150 {
        let rank = random.integer(1...2)
        let channels = random.integer(1...3)
        let outChannels = random.integer(1...2)
        let kernelShape = (0..<rank).map { _ in random.integer(1...3) }
        var specification = LayerSpecification(kernel: .weights(random.tensor([outChannels, channels] + kernelShape)))
        specification.window.stride = [random.integer(1...3)]
        specification.window.dilation = [random.integer(1...2)]
        specification.window.padding = .widths([random.integer(0...2)])
        let spatial = kernelShape.map { $0 * 2 + random.integer(1...4) }
        let x = random.tensor([channels] + spatial)
        // Through conv1d/conv2d (the convolution helper's torch-checked code).
        let reference = try specification.convolution()(x, control: .fresh)
        for sharing in [ConvolutionLayer.Sharing.unshared, .tiled(period: 2)] {
            let variant = try specification.convolution(sharing: sharing)
            #expect(isClose(try variant(x, control: .fresh), reference.shape, reference.scalars, tolerance: tolerance),
                    "\(variant.summary) on \(Tensor.describe(x.shape))")
        }
    }
}

@Test func edgeDetectorSubtractsLeftNeighbours() throws {
    let x = makeTensor([2, 4], [1, 4, 9, 16, 0, 1, 0, 1])
    let y = try edgeDetector()(x, control: .fresh)
    #expect(y == makeTensor([2, 3], [3, 5, 7, 1, -1, 1]))
}

@Test func seededWeightsAreReproducibleAndBounded() throws {
    let first = try LayerSpecification(kernel: .shape([3, 3])).convolution()
    let again = try LayerSpecification(kernel: .shape([3, 3])).convolution()
    var other = LayerSpecification(kernel: .shape([3, 3]))
    other.seed = 1
    let x = arangeTensor([5, 5])
    #expect(try first(x, control: .fresh) == again(x, control: .fresh))
    #expect(try first(x, control: .fresh) != other.convolution()(x, control: .fresh))
    let weights = try first.matrix(input: [3, 3], control: .fresh).values
    // PyTorch's default range: |w| < 1/√fan_in = 1/3.
    #expect(weights.allSatisfy { abs($0) < 1.0 / 3 } && Set(weights).count == 9)
}

@Test func poolingLayersMatchThePoolingOperations() throws {
    var random = LayerTestRandom(seed: 96)
    for _ in 0..<50 {
        let size = [random.integer(1...3), random.integer(1...3)]
        let x = random.tensor([2, size[0] * 2 + random.integer(0...3), size[1] * 2 + random.integer(0...3)])
        var specification = LayerSpecification(kernel: .shape(size))
        specification.window.stride = size
        let maximum = try specification.pooling(.max)(x, control: .fresh)
        let average = try specification.pooling(.average)(x, control: .fresh)
        let expectedMaximum = try x.maxPool2d(size: size, control: .fresh)
        let expectedAverage = try x.avgPool2d(size: size, control: .fresh)
        #expect(isClose(maximum, expectedMaximum.shape, expectedMaximum.scalars, tolerance: 0))
        #expect(isClose(average, expectedAverage.shape, expectedAverage.scalars, tolerance: tolerance))
    }
}

@Test func averagePoolingHasAMatrixAndMaxPoolingDoesNot() throws {
    var specification = LayerSpecification(kernel: .width(2))
    specification.window.stride = [2]
    #expect(try specification.pooling(.average).matrix(input: [4], control: .fresh).dense(control: .fresh)
            == makeTensor([2, 4], [0.5, 0.5, 0, 0, 0, 0, 0.5, 0.5]))
    #expect(throws: TensorError.self) { try specification.pooling(.max).matrix(input: [4], control: .fresh) }
    #expect(try specification.pooling(.max).connectivity(input: [4], control: .fresh).nnz == 4)
}

@Test func wrongChannelCountIsAShapeErrorThatSaysSo() throws {
    var specification = LayerSpecification(kernel: .shape([3, 3]))
    specification.inChannels = 3
    let layer = try specification.convolution()
    #expect(throws: TensorError.shapeMismatch(
        "conv_layer expects 3 input channel(s) (channels first, C × spatial), found 1 in an input of shape 5×5"
    )) { try layer(Tensor(repeating: 0, shape: [5, 5], control: .fresh), control: .fresh) }
    #expect(try layer.outputShape(input: [3, 5, 5]) == [1, 3, 3])
}

@Test func singleChannelKernelWithChannelCountsExplainsTheWeightShape() {
    var specification = LayerSpecification(kernel: .weights(makeTensor([1, 2], [-1, 1])))
    specification.inChannels = 3
    #expect(throws: TensorError.shapeMismatch(
        "a rank-2 kernel is one kernel for one channel; for 3 input and 1 output channels give weights "
        + "shaped out × in × 1×2, or a shape tuple for random weights")) {
        try specification.convolution()
    }
}
