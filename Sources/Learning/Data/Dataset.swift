import Tensors

/// A labelled image set (docs/language.md, "Learning"): N × 1 × H × W images with values in [0, 1], one class
/// index per image, and the classes' names. `split` also takes any inputs and targets with N
/// examples along their first axis.
public struct Dataset: Sendable {
    /// The images, N × 1 × H × W (or any inputs, N along the first axis).
    public let images: Tensor
    /// The class index of each image (0 … classes − 1), N values (or any targets, N × …).
    public let labels: Tensor
    /// The name of each class.
    public let classes: [String]

    /// A data set from its parts, which must agree in length.
    public init(images: Tensor, labels: Tensor, classes: [String]) throws {
        guard images.rank >= 1, labels.rank >= 1, labels.shape[0] == images.shape[0] else {
            throw TensorError.shapeMismatch(
                "a data set needs N images and N labels along the first axis, found \(Tensor.describe(images.shape)) "
                + "and \(Tensor.describe(labels.shape))")
        }
        self.images = images
        self.labels = labels
        self.classes = classes
    }

    /// The number of images.
    public var count: Int { images.shape[0] }

    /// Two disjoint parts: the first holds round(fraction · N) images chosen at random (from
    /// `seed`), the second the rest, each in its original order.
    public func split(fraction: Double, seed: UInt64) throws -> (Dataset, Dataset) {
        guard fraction > 0, fraction < 1 else {
            throw TensorError.invalidArgument("split needs a fraction strictly between 0 and 1, found \(fraction)")
        }
        let first = Int((fraction * Double(count)).rounded())
        guard first >= 1, first < count else {
            throw TensorError.invalidArgument(
                "split of \(count) images with fraction \(fraction) leaves a part empty; use a fraction nearer 0.5")
        }
        var generator = RandomGenerator(seed: seed)
        var order = Array(0..<count)
        order.shuffle(using: &generator)
        return (try subset(order[..<first].sorted()), try subset(order[first...].sorted()))
    }

    /// The images at `indices`, in that order.
    public func subset(_ indices: [Int]) throws -> Dataset {
        try Dataset(images: Dataset.rows(of: images, indices), labels: Dataset.rows(of: labels, indices), classes: classes)
    }

    /// The rows (first-axis slices) of `tensor` at `indices`.
    static func rows(of tensor: Tensor, _ indices: [Int]) throws -> Tensor {
        let size = tensor.count / max(tensor.shape[0], 1)
        var scalars: [Double] = []
        scalars.reserveCapacity(size * indices.count)
        for index in indices { scalars.append(contentsOf: tensor.scalars[(index * size)..<((index + 1) * size)]) }
        return try Tensor(shape: [indices.count] + tensor.shape.dropFirst(), scalars: scalars)
    }
}
