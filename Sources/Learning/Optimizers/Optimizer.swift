import Foundation
import Synchronization
import Tensors

/// An optimizer as a value (docs/language.md, "Learning"): its rule and hyperparameters, and the state it
/// keeps for each layer it has updated (momentum buffers, Adam's moments and step count), with
/// torch.optim's update rules.
///
/// `step` is atomic: every new weight, bias and state is computed first, and only then stored,
/// all together, so that an interrupt or an error leaves every layer and the optimizer at the
/// previous step.
public final class Optimizer: Sendable {
    /// The update rule.
    public enum Rule: Sendable, Equatable {
        /// torch.optim.SGD (dampening 0, not Nesterov).
        case sgd(learningRate: Double, momentum: Double, weightDecay: Double)
        /// torch.optim.Adam (not AMSGrad).
        case adam(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double)
    }

    /// The rule and its hyperparameters.
    public let rule: Rule

    /// One parameter tensor's state (torch's `optimizer.state[p]`).
    struct ParameterState: Sendable {
        /// SGD's momentum buffer, or Adam's first moment.
        var first: [Double]?
        /// Adam's second moment.
        var second: [Double]?
        /// Adam's step count.
        var steps = 0
    }

    /// The state of each layer's weight and bias, by layer; the layer is kept so that its
    /// identifier cannot be reused.
    private let states = Mutex<[ObjectIdentifier: (layer: TrainableLayer, weight: ParameterState, bias: ParameterState)]>([:])

    /// An optimizer with `rule`, after checking its hyperparameters.
    public init(_ rule: Rule) throws {
        switch rule {
        case .sgd(let learningRate, let momentum, let weightDecay):
            try Optimizer.check(learningRate >= 0, "sgd needs lr ≥ 0, found \(learningRate)")
            try Optimizer.check(momentum >= 0, "sgd needs momentum ≥ 0, found \(momentum)")
            try Optimizer.check(weightDecay >= 0, "sgd needs weight_decay ≥ 0, found \(weightDecay)")
        case .adam(let learningRate, let beta1, let beta2, let epsilon, let weightDecay):
            try Optimizer.check(learningRate >= 0, "adam needs lr ≥ 0, found \(learningRate)")
            try Optimizer.check(beta1 >= 0 && beta1 < 1, "adam needs 0 ≤ beta1 < 1, found \(beta1)")
            try Optimizer.check(beta2 >= 0 && beta2 < 1, "adam needs 0 ≤ beta2 < 1, found \(beta2)")
            try Optimizer.check(epsilon >= 0, "adam needs eps ≥ 0, found \(epsilon)")
            try Optimizer.check(weightDecay >= 0, "adam needs weight_decay ≥ 0, found \(weightDecay)")
        }
        self.rule = rule
    }

    private static func check(_ condition: Bool, _ message: String) throws {
        guard condition else { throw TensorError.invalidArgument(message) }
    }

    /// Updates every layer from its gradients (weight, and bias when it has one), atomically.
    public func step(_ updates: [(layer: TrainableLayer, weight: Tensor, bias: Tensor?)],
                     control: ExecutionControl) throws {
        var staged: [(layer: TrainableLayer, description: Layer, bias: Tensor?,
                      state: (weight: ParameterState, bias: ParameterState))] = []
        let previous = states.withLock { $0 }
        for update in updates {
            try control.checkInterrupt()
            let old = previous[ObjectIdentifier(update.layer)]
            guard let current = try update.layer.weight(control: control) else { continue }
            let (weight, weightState) = try advance(current, update.weight, old?.weight ?? ParameterState())
            var bias: Tensor?
            var biasState = old?.bias ?? ParameterState()
            if let currentBias = update.layer.bias, let gradient = update.bias {
                (bias, biasState) = try advance(currentBias, gradient, biasState)
            }
            let description = try update.layer.layer.replacingWeights(weight)
            staged.append((update.layer, description, bias, (weightState, biasState)))
        }
        // Nothing below throws: every layer and the optimizer move to the new step together.
        states.withLock { states in
            for item in staged {
                item.layer.commit(item.description, bias: item.bias)
                states[ObjectIdentifier(item.layer)] = (item.layer, item.state.weight, item.state.bias)
            }
        }
    }

    /// One parameter's new value and state after one step with gradient `gradient`.
    private func advance(_ parameter: Tensor, _ gradient: Tensor,
                         _ state: ParameterState) throws -> (Tensor, ParameterState) {
        guard gradient.shape == parameter.shape else {
            throw TensorError.shapeMismatch(
                "an optimizer step needs a gradient of the parameter's shape \(Tensor.describe(parameter.shape)), "
                + "found \(Tensor.describe(gradient.shape))")
        }
        var state = state
        var values = parameter.scalars
        let count = values.count
        switch rule {
        case .sgd(let learningRate, let momentum, let weightDecay):
            var direction = gradient.scalars
            if weightDecay != 0 { for i in 0..<count { direction[i] += weightDecay * values[i] } }
            if momentum != 0 {
                if var buffer = state.first {
                    for i in 0..<count { buffer[i] = buffer[i] * momentum + direction[i] }
                    state.first = buffer
                } else {
                    state.first = direction
                }
                direction = state.first ?? direction
            }
            for i in 0..<count { values[i] += -learningRate * direction[i] }
        case .adam(let learningRate, let beta1, let beta2, let epsilon, let weightDecay):
            var gradients = gradient.scalars
            if weightDecay != 0 { for i in 0..<count { gradients[i] += weightDecay * values[i] } }
            state.steps += 1
            var first = state.first ?? [Double](repeating: 0, count: count)
            var second = state.second ?? [Double](repeating: 0, count: count)
            // torch: exp_avg.lerp_(grad, 1 − β1) (weight < 0.5: a + w·(b − a)); exp_avg_sq·β2 + (1 − β2)·g².
            let weight = 1 - beta1
            for i in 0..<count {
                first[i] = weight < 0.5 ? first[i] + weight * (gradients[i] - first[i])
                    : gradients[i] - (gradients[i] - first[i]) * (1 - weight)
                second[i] = second[i] * beta2 + (1 - beta2) * gradients[i] * gradients[i]
            }
            let correction1 = 1 - pow(beta1, Double(state.steps))
            let correction2 = (1 - pow(beta2, Double(state.steps))).squareRoot()
            let stepSize = learningRate / correction1
            for i in 0..<count {
                let denominator = second[i].squareRoot() / correction2 + epsilon
                values[i] += -stepSize * (first[i] / denominator)
            }
            state.first = first
            state.second = second
        }
        return (try Tensor(shape: parameter.shape, scalars: values), state)
    }
}

extension Optimizer {
    /// How the optimizer renders: `sgd(lr: 0.01, momentum: 0.9)`, non-default values only.
    public var summary: String {
        func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        }
        switch rule {
        case .sgd(let learningRate, let momentum, let weightDecay):
            var parts = ["lr: \(format(learningRate))"]
            if momentum != 0 { parts.append("momentum: \(format(momentum))") }
            if weightDecay != 0 { parts.append("weight_decay: \(format(weightDecay))") }
            return "sgd(" + parts.joined(separator: ", ") + ")"
        case .adam(let learningRate, let beta1, let beta2, let epsilon, let weightDecay):
            var parts = ["lr: \(format(learningRate))"]
            if beta1 != 0.9 { parts.append("beta1: \(format(beta1))") }
            if beta2 != 0.999 { parts.append("beta2: \(format(beta2))") }
            if epsilon != 1e-8 { parts.append("eps: \(format(epsilon))") }
            if weightDecay != 0 { parts.append("weight_decay: \(format(weightDecay))") }
            return "adam(" + parts.joined(separator: ", ") + ")"
        }
    }
}
