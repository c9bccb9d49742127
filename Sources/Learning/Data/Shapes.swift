import Tensors

/// The synthetic "shapes" data set: small outlines and solids at random positions, made to show
/// equivariance (a convolution finds a shape wherever it is) and statistical efficiency (a
/// convolutional net learns from few examples what a dense one needs many for).
enum Shapes {
    /// The classes, in label order.
    static let classes = ["square", "plus", "cross", "disk"]

    /// `count` images of `size` × `size`: each one shape of side about size/3 on a zero
    /// background, at a random position (or centred when `shift` is false), plus Gaussian noise
    /// of standard deviation `noise`; classes drawn at random, all from `seed`.
    static func dataset(count: Int, size: Int, shift: Bool, noise: Double, seed: UInt64,
                        control: ExecutionControl) throws -> Dataset {
        guard count >= 1 else { throw TensorError.invalidArgument("dataset(\"shapes\") needs n ≥ 1, found \(count)") }
        guard size >= 5, size <= 1024 else {
            throw TensorError.invalidArgument("dataset(\"shapes\") needs a size from 5 to 1024, found \(size)")
        }
        guard noise >= 0, noise.isFinite else {
            throw TensorError.invalidArgument("dataset(\"shapes\") needs noise ≥ 0, found \(noise)")
        }
        let side = max(3, (size / 3) | 1)
        let plane = size * size
        let total = try Tensor.elementCount(of: [count, plane])
        try control.checkAllocation(total)
        var generator = RandomGenerator(seed: seed)
        var pixels = [Double](repeating: 0, count: total)
        var labels: [Double] = []
        labels.reserveCapacity(count)
        for image in 0..<count {
            if image % 4096 == 0 { try control.checkInterrupt() }
            let label = Int(generator.next() % UInt64(classes.count))
            labels.append(Double(label))
            let top = shift ? Int(generator.next() % UInt64(size - side + 1)) : (size - side) / 2
            let left = shift ? Int(generator.next() % UInt64(size - side + 1)) : (size - side) / 2
            for row in 0..<side {
                for column in 0..<side where inside(label, row, column, side) {
                    pixels[image * plane + (top + row) * size + left + column] = 1
                }
            }
            if noise > 0 {
                for index in (image * plane)..<((image + 1) * plane) {
                    pixels[index] += noise * generator.nextNormalPair().0
                }
            }
        }
        return try Dataset(images: Tensor(shape: [count, 1, size, size], scalars: pixels),
                           labels: Tensor(shape: [count], scalars: labels), classes: classes)
    }

    /// Whether pixel (row, column) of a `side` × `side` box belongs to the shape of `label`.
    private static func inside(_ label: Int, _ row: Int, _ column: Int, _ side: Int) -> Bool {
        let middle = side / 2
        switch label {
        case 0: return row == 0 || column == 0 || row == side - 1 || column == side - 1
        case 1: return row == middle || column == middle
        case 2: return row == column || row + column == side - 1
        default:
            let (dy, dx) = (Double(row - middle), Double(column - middle))
            return dy * dy + dx * dx <= Double(middle * middle) + 0.5
        }
    }
}

extension Dataset {
    /// The named data set: "digits" (scikit-learn's 8×8 digits) or "shapes" (synthetic).
    public static func named(_ name: String, count: Int?, size: Int, shift: Bool, noise: Double, seed: UInt64,
                             control: ExecutionControl) throws -> Dataset {
        switch name {
        case "digits": return try DigitsData.dataset()
        case "shapes":
            return try Shapes.dataset(count: count ?? 1000, size: size, shift: shift, noise: noise, seed: seed,
                                      control: control)
        default:
            throw TensorError.invalidArgument("dataset names \"shapes\" or \"digits\", found \"\(name)\"")
        }
    }
}
