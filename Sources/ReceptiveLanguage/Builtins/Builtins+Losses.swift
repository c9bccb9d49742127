import Learning
import Tensors

extension Builtins {
    /// Losses (docs/language.md, "Learning"): `mse cross_entropy accuracy` (softmax and log_softmax are with
    /// the math builtins).
    static var losses: [Builtin] { [mse, crossEntropy, accuracy] }

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

    private static let accuracy = Builtin(
        "accuracy", [Parameter("logits"), Parameter("labels")],
        summary: "The fraction of rows of logits N × K whose largest entry is at the label (a number from 0 to 1)."
    ) { arguments, _ in
        .number(try Losses.accuracy(arguments.tensor("logits"), labels: arguments.tensor("labels")))
    }
}
