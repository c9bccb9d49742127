import Foundation
import Testing
import Tensors
@testable import Learning

// Tolerance: 1e-12 relative. Each step is a few roundings per element (SGD: a multiply-add or
// two; Adam: lerp, a square, a square root, a division), computed in the same order as torch's
// formulas, so after five steps the parameters agree to within a few ulps of the values they
// touch; a wrong rule (a missing bias correction, momentum applied twice, decay added after the
// moments) moves them by the order of the learning rate.
private let tolerance = 1e-12

private struct OptimizerFile: Decodable {
    struct Step: Decodable {
        let grad_weight: TorchFixtures.StoredTensor
        let grad_bias: TorchFixtures.StoredTensor
        let weight: TorchFixtures.StoredTensor
        let bias: TorchFixtures.StoredTensor
    }

    struct Case: Decodable {
        let optimizer: String
        let options: [String: TorchFixtures.Option]
        let weight: TorchFixtures.StoredTensor
        let bias: TorchFixtures.StoredTensor
        let steps: [Step]

        func number(_ name: String, default value: Double) -> Double {
            if case .number(let number) = options[name] { return number }
            return value
        }

        func rule() throws -> Optimizer.Rule {
            if optimizer == "sgd" {
                return .sgd(learningRate: number("lr", default: 0.01), momentum: number("momentum", default: 0),
                            weightDecay: number("weight_decay", default: 0))
            }
            var betas = [0.9, 0.999]
            if case .numbers(let given) = options["betas"] { betas = given }
            return .adam(learningRate: number("lr", default: 0.001), beta1: betas[0], beta2: betas[1],
                         epsilon: number("eps", default: 1e-8), weightDecay: number("weight_decay", default: 0))
        }
    }

    let reference: String
    let cases: [Case]
}

@Test func optimizerStepsMatchTorch() throws {
    let url = try #require(Bundle.module.url(forResource: "optimizers", withExtension: "json", subdirectory: "Fixtures"))
    let file = try JSONDecoder().decode(OptimizerFile.self, from: Data(contentsOf: url))
    #expect(file.reference.hasPrefix("torch 2."))
    #expect(file.cases.count == 6)
    let control = ExecutionControl()
    for item in file.cases {
        let layer = try TrainableLayer(.dense(DenseLayer(weights: item.weight.tensor())), bias: item.bias.tensor())
        let optimizer = try Optimizer(item.rule())
        for (index, step) in item.steps.enumerated() {
            try optimizer.step([(layer, try step.grad_weight.tensor(), try step.grad_bias.tensor())], control: control)
            let weight = try #require(try layer.weight(control: control))
            let bias = try #require(layer.bias)
            for (ours, theirs) in zip(weight.scalars + bias.scalars, step.weight.data + step.bias.data) {
                #expect(abs(ours - theirs) <= tolerance * max(1, abs(theirs)),
                        "\(item.optimizer) \(item.options.keys.sorted()) step \(index + 1): \(ours) vs torch \(theirs)")
            }
        }
    }
}

@Test func aFailedStepLeavesEveryLayerAndTheStateAsTheyWere() throws {
    let control = ExecutionControl()
    let first = try TrainableLayer(.dense(DenseLayer(weights: Tensor(shape: [1, 2], scalars: [1, 2]))))
    let second = try TrainableLayer(.dense(DenseLayer(weights: Tensor(shape: [1, 1], scalars: [3]))))
    let optimizer = try Optimizer(.sgd(learningRate: 0.5, momentum: 0.9, weightDecay: 0))
    // The second gradient has the wrong shape: the step throws after staging the first layer.
    #expect(throws: TensorError.self) {
        try optimizer.step([(first, try Tensor(shape: [1, 2], scalars: [1, 1]), nil),
                            (second, try Tensor(shape: [2], scalars: [1, 1]), nil)], control: control)
    }
    #expect(try first.weight(control: control)?.scalars == [1, 2])
    // No momentum was stored either: the next step starts its buffer afresh.
    try optimizer.step([(first, try Tensor(shape: [1, 2], scalars: [1, 1]), nil)], control: control)
    #expect(try first.weight(control: control)?.scalars == [0.5, 1.5])
}
