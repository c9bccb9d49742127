import Testing
@testable import Tensors

private func check(_ layer: Layer, _ x: Tensor, _ transform: EquivarianceTransform) throws -> EquivarianceCheck {
    let outputShape = try layer.outputShape(input: x.shape)
    let outputTransform = try EquivarianceCheck.outputTransform(for: transform, layer: layer, inputRank: x.rank)
    let margin = try EquivarianceCheck.defaultMargin(transform: outputTransform, layer: layer,
                                                     input: x.shape, output: outputShape)
    return try EquivarianceCheck(transformedFirst: layer(transform.apply(x, control: .fresh), control: .fresh),
                                 transformedAfter: outputTransform.apply(layer(x, control: .fresh), control: .fresh), margin: margin, control: .fresh)
}

@Test func everyConvolutionIsEquivariantToShiftsByMultiplesOfItsStride() throws {
    var random = LayerTestRandom(seed: 98)
    for _ in 0..<100 {
        let rank = random.integer(1...2)
        var specification = LayerSpecification(kernel: .shape((0..<rank).map { _ in random.integer(1...4) }))
        specification.inChannels = random.integer(1...2)
        specification.outChannels = random.integer(1...2)
        specification.window.dilation = [random.integer(1...2)]
        specification.window.padding = .widths([random.integer(0...2)])
        specification.window.stride = [random.integer(1...3)]
        specification.seed = UInt64(random.integer(0...99))
        let layer = try specification.convolution()
        let channelAxis = specification.inChannels == 1 && random.integer(0...1) == 0 ? [] : [specification.inChannels ?? 1]
        let x = random.tensor(channelAxis + (0..<rank).map { _ in random.integer(12...16) * specification.window.stride[0] + 8 })
        // A shift by a multiple of the stride (the output moves by the multiple).
        let shift = random.integer(-2...2) * specification.window.stride[0]
        let result = try check(layer, x, .shift(by: shift, axis: -1))
        #expect(result.equal, "\(layer.summary) shift \(shift): max difference \(result.maxDifference) at \(result.worst ?? [])")
    }
}

@Test func denseLayerIsNotShiftEquivariant() throws {
    let layer = Layer.dense(try DenseLayer(inputs: 12, outputs: 12, seed: 3))
    var random = LayerTestRandom(seed: 99)
    let result = try check(layer, random.tensor([12]), .shift(by: 1, axis: 0))
    #expect(!result.equal && result.failures > 0 && result.worst != nil)
    #expect(result.maxDifference > 1e-3)
}

@Test func convolutionIsNotEquivariantToRotationOrScaling() throws {
    let sobel = makeTensor([3, 3], [-1, 0, 1, -2, 0, 2, -1, 0, 1])
    var specification = LayerSpecification(kernel: .weights(sobel))
    specification.window.padding = .same
    let layer = try specification.convolution()
    var random = LayerTestRandom(seed: 100)
    let x = random.tensor([12, 12])
    #expect(try !check(layer, x, .rotate90).equal)
    #expect(try !check(layer, x, .scale2).equal)
    // A 1×1 kernel commutes with both: the check can say yes.
    let pointwise = try LayerSpecification(kernel: .weights(makeTensor([1, 1], [2]))).convolution()
    #expect(try check(pointwise, x, .rotate90).equal)
    #expect(try check(pointwise, x, .scale2).equal)
}

@Test func transformsMatchNumpy() throws {
    let x = arangeTensor([2, 3])
    #expect(try EquivarianceTransform.rotate90.apply(x, control: .fresh) == makeTensor([3, 2], [2, 5, 1, 4, 0, 3]))
    #expect(try EquivarianceTransform.scale2.apply(makeTensor([2], [1, 2]), control: .fresh) == makeTensor([4], [1, 1, 2, 2]))
    #expect(try EquivarianceTransform.shift(by: 1, axis: 1).apply(x, control: .fresh) == makeTensor([2, 3], [0, 0, 1, 0, 3, 4]))
    #expect(throws: TensorError.self) { try EquivarianceTransform(named: "flip", shift: 1, axis: 0) }
}

@Test func differentShapesAreReportedAndCropped() throws {
    let result = try EquivarianceCheck(transformedFirst: arangeTensor([4]), transformedAfter: arangeTensor([6]),
                                       margin: [0], control: .fresh)
    #expect(!result.equal && result.failures == 0)
    #expect(result.note == "f(T(x)) is 4 but T(f(x)) is 6; compared their common 4 corner")
}

@Test func unsharedAndTiledLayersAreNotShiftEquivariant() throws {
    var random = LayerTestRandom(seed: 101)
    let x = random.tensor([16])
    for sharing in [ConvolutionLayer.Sharing.unshared, .tiled(period: 2)] {
        let layer = try LayerSpecification(kernel: .width(3)).convolution(sharing: sharing)
        #expect(try !check(layer, x, .shift(by: 1, axis: 0)).equal, "\(sharing)")
    }
    // A tiled layer with period t is equivariant to shifts by multiples of t.
    let tiled = try LayerSpecification(kernel: .width(3)).convolution(sharing: .tiled(period: 2))
    #expect(try check(tiled, x, .shift(by: 2, axis: 0)).equal)
}

@Test func aMarginThatLeavesNothingIsNotAYes() throws {
    let result = try EquivarianceCheck(transformedFirst: arangeTensor([4]), transformedAfter: arangeTensor([4]),
                                       margin: [2], control: .fresh)
    #expect(!result.equal && result.region == [2..<2])
    #expect(result.note == "the margin leaves no units to compare in 4; use a larger input or a smaller margin")
}

@Test func shiftsThatAreNotMultiplesOfTheStrideAreNotEquivariant() throws {
    var specification = LayerSpecification(kernel: .width(3))
    specification.window.stride = [2]
    var random = LayerTestRandom(seed: 102)
    #expect(try !check(specification.convolution(), random.tensor([20]), .shift(by: 1, axis: 0)).equal)
}

@Test func shiftAxesCountFromTheEndWhenTheLayerAddsChannels() throws {
    var specification = LayerSpecification(kernel: .shape([3, 3]))
    specification.outChannels = 2
    var random = LayerTestRandom(seed: 103)
    // Axis 0 of a 12×12 input is the rows; of the 2×10×10 output it would be the channels.
    let result = try check(specification.convolution(), random.tensor([12, 12]), .shift(by: 1, axis: 0))
    #expect(result.equal && result.region == [0..<2, 1..<9, 0..<10])
}
