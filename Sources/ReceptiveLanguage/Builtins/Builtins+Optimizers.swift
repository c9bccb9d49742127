import Learning
import Tensors

extension Builtins {
    /// Optimizers as values (docs/language.md, "Learning"): `sgd` and `adam`, with torch.optim's rules.
    static var optimizers: [Builtin] { [sgd, adam] }

    private static let sgd = Builtin(
        "sgd", [
            Parameter("lr", kind: .namedOnly, default: .number(0.01)),
            Parameter("momentum", kind: .namedOnly, default: .number(0)),
            Parameter("weight_decay", kind: .namedOnly, default: .number(0)),
        ],
        summary: "Stochastic gradient descent as torch.optim.SGD: w ← w − lr·(buffer), buffer = momentum·buffer + g + weight_decay·w.",
        details: "An optimizer keeps its momentum buffers per layer; pass the same optimizer to train to continue a run."
    ) { arguments, _ in
        .optimizer(try Optimizer(.sgd(learningRate: arguments.number("lr"), momentum: arguments.number("momentum"),
                                      weightDecay: arguments.number("weight_decay"))))
    }

    private static let adam = Builtin(
        "adam", [
            Parameter("lr", kind: .namedOnly, default: .number(0.001)),
            Parameter("beta1", kind: .namedOnly, default: .number(0.9)),
            Parameter("beta2", kind: .namedOnly, default: .number(0.999)),
            Parameter("eps", kind: .namedOnly, default: .number(1e-8), shownAs: "1e-8"),
            Parameter("weight_decay", kind: .namedOnly, default: .number(0)),
        ],
        summary: "Adam as torch.optim.Adam: w ← w − lr·m / (√v + eps), m and v the bias-corrected moments of the gradient.",
        details: "The moments and the step count are kept per layer, so the same optimizer continues where it stopped."
    ) { arguments, _ in
        .optimizer(try Optimizer(.adam(learningRate: arguments.number("lr"), beta1: arguments.number("beta1"),
                                       beta2: arguments.number("beta2"), epsilon: arguments.number("eps"),
                                       weightDecay: arguments.number("weight_decay"))))
    }
}
