import Learning
import Tensors

/// Inputs and targets for `train` and its validation: N examples along the first axis.
struct TrainingData {
    let inputs: Tensor
    let targets: Tensor

    /// The number of examples.
    var count: Int { inputs.shape.first ?? 0 }

    /// Pairs `inputs` and `targets`, which must have the same first extent.
    init(inputs: Tensor, targets: Tensor, name: String) throws {
        guard inputs.rank >= 1, targets.rank >= 1, inputs.shape[0] == targets.shape[0], inputs.shape[0] >= 1 else {
            throw RuntimeError(.shape, "\(name): the inputs and targets need one example each along the first axis, "
                               + "found \(Tensor.describe(inputs.shape)) and \(Tensor.describe(targets.shape))")
        }
        self.inputs = inputs
        self.targets = targets
    }

    /// The validation data of `train`: a pair (inputs, targets) or a data set record (images:, labels:).
    init(validation value: Value) throws {
        let pair: [Value]
        switch value {
        case .tuple(let items), .list(let items): pair = items
        case .record(let record):
            pair = [record["images"], record["labels"]].compactMap { $0 }
        default: pair = []
        }
        guard pair.count == 2, let inputs = BoundArguments.tensor(from: pair[0]),
              let targets = BoundArguments.tensor(from: pair[1]) else {
            throw RuntimeError(.type, "train: expected validation: (inputs, targets) or a data set record (images:, labels:), "
                               + "found \(value.typeDescription)")
        }
        try self.init(inputs: inputs, targets: targets, name: "train: validation")
    }

    /// The examples at `indices`, in that order.
    func batch(_ indices: ArraySlice<Int>) throws -> (inputs: Tensor, targets: Tensor) {
        let batch = try Dataset(images: inputs, labels: targets, classes: []).subset(Array(indices))
        return (batch.images, batch.labels)
    }
}
