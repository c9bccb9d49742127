import Learning
import Tensors

extension Builtins {
    /// Losses and probabilities (LANGUAGE.md §9): `mse cross_entropy softmax log_softmax accuracy`.
    static var losses: [Builtin] { [mse, crossEntropy, softmax(logarithm: false), softmax(logarithm: true), accuracy] }

    private static let mse = Builtin(
        "mse", [Parameter("pred"), Parameter("target")],
        summary: "Mean squared error, mean((pred − target)²), as torch.nn.functional.mse_loss; the shapes must agree."
    ) { arguments, context in
        Value(operand: try Losses.meanSquaredError(arguments.operand("pred"), arguments.operand("target"),
                                                   control: context.control))
    }

    private static let crossEntropy = Builtin(
        "cross_entropy", [Parameter("logits"), Parameter("labels")],
        summary: "Cross-entropy of logits N × K against class indices N (0 … K − 1), the mean over the batch, as torch's.",
        details: "One example may be given as K logits and one label. Its gradient with respect to the logits is (softmax − one-hot) / N."
    ) { arguments, context in
        Value(operand: try Losses.crossEntropy(arguments.operand("logits"), labels: arguments.tensor("labels"),
                                               control: context.control))
    }

    /// `softmax(t, axis: -1)` and `log_softmax(t, axis: -1)`.
    private static func softmax(logarithm: Bool) -> Builtin {
        Builtin(logarithm ? "log_softmax" : "softmax",
                [Parameter("t"), Parameter("axis", kind: .namedOnly, default: .number(-1))],
                summary: logarithm
                    ? "Log-softmax along axis (default the last): x − max − log(sum of e^(x − max)), as torch.log_softmax."
                    : "Softmax along axis (default the last): e^(x − max) / (sum of e^(x − max)), each line summing to 1, as torch.softmax."
        ) { arguments, context in
            Value(operand: try arguments.operand("t").softmax(axis: arguments.integer("axis"), logarithm: logarithm,
                                                             control: context.control))
        }
    }

    private static let accuracy = Builtin(
        "accuracy", [Parameter("logits"), Parameter("labels")],
        summary: "The fraction of rows of logits N × K whose largest entry is at the label (a number from 0 to 1)."
    ) { arguments, _ in
        .number(try Losses.accuracy(arguments.tensor("logits"), labels: arguments.tensor("labels")))
    }
}
