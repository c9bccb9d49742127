import Testing
import Tensors
@testable import Learning

private typealias Check = GradientCheck

/// A layer's output as a function of its input, weight and bias, for the central-difference
/// checks: the operands (perturbed, or traced) stand for the layer's weight and bias, as a
/// tape's variables do when `grad` binds the layer.
private func layerOutput(_ layer: TrainableLayer, _ inputs: [TensorOperand], control: ExecutionControl) throws -> TensorOperand {
    try layer.apply(inputs[0], weight: inputs[1], bias: inputs.count > 2 ? inputs[2] : nil, control: control)
}

@Test(arguments: [PaddingMode.zero, .reflect, .edge, .wrap])
func convolutionLayersWithEveryFillAndABatch(_ fill: PaddingMode) throws {
    var specification = LayerSpecification(kernel: .shape([2, 3]))
    specification.inChannels = 2
    specification.outChannels = 3
    specification.window = WindowOptions(stride: [1, 2], padding: .widths([1, 2]), fill: fill)
    let layer = try TrainableLayer(specification.convolution(), bias: Check.random([3], seed: 30))
    for shape in [[2, 2, 5, 6], [2, 5, 6]] {
        let x = Check.random(shape, seed: 31)
        let w = Check.random([3, 2, 2, 3], seed: 32)
        try Check.check([x, w, Check.random([3], seed: 33)], label: "\(fill) \(shape)") { inputs, control in
            try Check.project(layerOutput(layer, inputs, control: control), control: control)
        }
    }
}

@Test func denseLayersOnABatchAFlattenedBatchAndOneInput() throws {
    let layer = try TrainableLayer(.dense(DenseLayer(inputs: 6, outputs: 4, seed: 3)),
                                   bias: Check.random([4], seed: 34))
    for shape in [[3, 6], [2, 1, 2, 3], [2, 3]] {
        try Check.check([Check.random(shape, seed: 35), Check.random([4, 6], seed: 36), Check.random([4], seed: 37)],
                        label: "dense \(shape)") { inputs, control in
            try Check.project(layerOutput(layer, inputs, control: control), control: control)
        }
    }
}

@Test(arguments: [PoolingLayer.Kind.max, .average])
func poolingLayersWithPaddingFills(_ kind: PoolingLayer.Kind) throws {
    for fill in [PaddingMode.zero, .reflect] {
        var specification = LayerSpecification(kernel: .shape([3, 2]))
        specification.window = WindowOptions(stride: [2, 1], padding: .widths([1, 1]), fill: fill)
        let layer = try TrainableLayer(specification.pooling(kind))
        try Check.check([Check.random([2, 3, 6, 5], seed: 38)], label: "\(kind) \(fill)") { inputs, control in
            try Check.project(layer.apply(inputs[0], tape: nil, control: control), control: control)
        }
    }
}
