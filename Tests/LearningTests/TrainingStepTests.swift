import Foundation
import Testing
import Tensors
@testable import Learning

private struct TrainingFile: Decodable {
    struct Step: Decodable {
        let loss: Double
        let parameters: [TorchFixtures.StoredTensor]
    }

    let reference: String
    let start: [TorchFixtures.StoredTensor]
    let images: TorchFixtures.StoredTensor
    let labels: TorchFixtures.StoredTensor
    let lr: Double
    let momentum: Double
    let steps: [Step]
}

// Tolerance: 1e-10 relative. Three steps of the whole pipeline (convolution with bias, relu,
// max pooling, a dense layer on the flattened batch, cross-entropy, SGD with momentum): each
// parameter depends on a few hundred products summed in different orders by torch and by us
// (≈1e-15 relative each), carried through three updates with momentum; 1e-10 leaves four
// orders of margin, while a wrong gradient anywhere in the chain moves the parameters by the
// order of lr × gradient (≈1e-2).
@Test func threeStepsOfASmallNetworkMatchTorch() throws {
    let url = try #require(Bundle.module.url(forResource: "training", withExtension: "json", subdirectory: "Fixtures"))
    let file = try JSONDecoder().decode(TrainingFile.self, from: Data(contentsOf: url))
    #expect(file.reference.hasPrefix("torch 2."))
    let control = ExecutionControl()
    let start = try file.start.map { try $0.tensor() }
    let convolution = try TrainableLayer(LayerSpecification(kernel: .weights(start[0])).convolution(), bias: start[1])
    var poolSpecification = LayerSpecification(kernel: .shape([2, 2]))
    poolSpecification.window = WindowOptions(stride: [2])
    let pool = try TrainableLayer(poolSpecification.pooling(.max))
    let dense = try TrainableLayer(.dense(DenseLayer(weights: start[2])), bias: start[3])
    let optimizer = try Optimizer(.sgd(learningRate: file.lr, momentum: file.momentum, weightDecay: 0))
    let images = TensorOperand.plain(try file.images.tensor())
    let labels = try file.labels.tensor()
    for (index, step) in file.steps.enumerated() {
        let tape = Tape(control: control)
        for layer in [convolution, dense] { try tape.bind(layer, control: control) }
        var x = try convolution.apply(images, tape: tape, control: control)
        x = try x.applying(.relu, control: control)
        x = try pool.apply(x, tape: tape, control: control)
        x = try dense.apply(x, tape: tape, control: control)
        let loss = try Losses.crossEntropy(x, labels: labels, control: control)
        guard case .traced(let traced) = loss else {
            Issue.record("the loss is not traced")
            return
        }
        #expect(abs(traced.value.scalars[0] - step.loss) <= 1e-10 * abs(step.loss), "step \(index + 1) loss")
        var leaves: [TracedTensor] = []
        for layer in [convolution, dense] {
            let parameters = try #require(tape.parameters(of: layer))
            leaves += [parameters.weight, parameters.bias].compactMap { $0 }
        }
        let gradients = try tape.gradients(of: traced, withRespectTo: leaves)
        try optimizer.step([(convolution, gradients[0], gradients[1]), (dense, gradients[2], gradients[3])],
                           control: control)
        let ours = try [convolution.weight(control: control), convolution.bias, dense.weight(control: control), dense.bias]
        for (parameter, expected) in zip(ours, step.parameters) {
            let values = try #require(parameter).scalars
            for (a, b) in zip(values, expected.data) {
                #expect(abs(a - b) <= 1e-10 * max(1, abs(b)), "step \(index + 1): \(a) vs torch \(b)")
            }
        }
    }
}
