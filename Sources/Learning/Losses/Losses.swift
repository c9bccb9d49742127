import Foundation
import Tensors

/// The losses (docs/language.md, "Learning"), as torch.nn.functional computes them (mean reduction).
public enum Losses {
    /// Mean squared error, mean((prediction − target)²): the shapes must agree.
    public static func meanSquaredError(_ prediction: TensorOperand, _ target: TensorOperand,
                                        control: ExecutionControl) throws -> TensorOperand {
        guard prediction.shape == target.shape else {
            throw TensorError.shapeMismatch(
                "mse needs the prediction and the target in one shape, found \(Tensor.describe(prediction.shape)) "
                + "and \(Tensor.describe(target.shape))")
        }
        let difference = try prediction.combined(with: target, .subtract, control: control)
        return try difference.combined(with: difference, .multiply, control: control).reduced(.mean, control: control)
    }

    /// Cross-entropy of logits N × K (or K for one example) against class indices N (or one
    /// number): the mean over the batch of −log softmax(logits)[label], as
    /// `torch.nn.functional.cross_entropy`. The gradient is (softmax − one-hot) / N.
    public static func crossEntropy(_ logits: TensorOperand, labels: Tensor,
                                    control: ExecutionControl) throws -> TensorOperand {
        let (rows, classes, indices) = try classification(logits.shape, labels, name: "cross_entropy")
        let logProbabilities = try logits.value.reshaped([rows, classes]).softmax(axis: 1, logarithm: true, control: control)
        var total = 0.0
        for row in 0..<rows { total -= logProbabilities.scalars[row * classes + indices[row]] }
        let loss = Tensor(scalar: total / Double(rows))
        let shape = logits.shape
        return TensorOperand.result(loss, of: logits) { g in
            let scale = g.scalars[0] / Double(rows)
            var gradient = logProbabilities.scalars.map { Foundation.exp($0) * scale }
            for row in 0..<rows { gradient[row * classes + indices[row]] -= scale }
            return try Tensor(shape: shape, scalars: gradient)
        }
    }

    /// The fraction of rows of `logits` whose largest entry is at the label (the first largest,
    /// as argmax picks).
    public static func accuracy(_ logits: Tensor, labels: Tensor) throws -> Double {
        let (rows, classes, indices) = try classification(logits.shape, labels, name: "accuracy")
        var correct = 0
        for row in 0..<rows {
            var best = 0
            for column in 1..<classes where logits.scalars[row * classes + column] > logits.scalars[row * classes + best] {
                best = column
            }
            if best == indices[row] { correct += 1 }
        }
        return Double(correct) / Double(rows)
    }

    /// Rows, classes and each row's class index, after checking the shapes and the labels.
    private static func classification(_ shape: [Int], _ labels: Tensor,
                                       name: String) throws -> (rows: Int, classes: Int, indices: [Int]) {
        let batched = shape.count == 2
        guard batched || shape.count == 1, shape.last ?? 0 >= 1 else {
            throw TensorError.shapeMismatch(
                "\(name) needs logits N × K (a batch) or K (one example), found \(Tensor.describe(shape))")
        }
        let rows = batched ? shape[0] : 1
        let classes = shape[shape.count - 1]
        guard labels.shape == (batched ? [rows] : []) || (!batched && labels.count == 1) else {
            throw TensorError.shapeMismatch(
                "\(name) needs one class index per row of the \(Tensor.describe(shape)) logits, found labels "
                + "\(Tensor.describe(labels.shape))")
        }
        guard rows >= 1 else { throw TensorError.shapeMismatch("\(name) needs at least one example, found none") }
        let indices = try labels.scalars.map { label -> Int in
            guard label == label.rounded(), label >= 0, label < Double(classes) else {
                throw TensorError.invalidArgument(
                    "\(name) needs class indices from 0 to \(classes - 1) (whole numbers), found \(label)")
            }
            return Int(label)
        }
        return (rows, classes, indices)
    }
}
