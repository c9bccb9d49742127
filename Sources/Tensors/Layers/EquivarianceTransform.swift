/// A transformation of a layer's input (and output) for the equivariance check of §9.2:
/// convolution commutes with shifts but not with rotation or scaling.
public enum EquivarianceTransform: Sendable, Equatable {
    /// Moves the content `by` units along `axis` (negative from the end), filling with 0.
    case shift(by: Int, axis: Int)
    /// Rotates the last two axes by 90° counter-clockwise (numpy's `rot90`).
    case rotate90
    /// Doubles the last two axes (the only axis of a rank-1 tensor) by repeating each unit.
    case scale2

    /// Parses the language's names: "shift", "rot90" or "scale2".
    public init(named name: String, shift: Int, axis: Int) throws {
        switch name {
        case "shift": self = .shift(by: shift, axis: axis)
        case "rot90": self = .rotate90
        case "scale2": self = .scale2
        default:
            throw TensorError.invalidArgument(
                "transform must be \"shift\", \"rot90\" or \"scale2\", found \"\(name)\"")
        }
    }

    /// The transformed tensor.
    public func apply(_ tensor: Tensor, control: ExecutionControl) throws -> Tensor {
        switch self {
        case .shift(let offset, let axis):
            return try tensor.shifted(by: [offset], axes: [axis], control: control)
        case .rotate90:
            guard tensor.rank >= 2 else {
                throw TensorError.shapeMismatch(
                    "rot90 turns the last two axes, found a tensor \(Tensor.describe(tensor.shape))")
            }
            var axes = Array(0..<tensor.rank)
            axes.swapAt(tensor.rank - 1, tensor.rank - 2)
            return try tensor.flipped(axes: [-1], control: control).transposed(axes, control: control)
        case .scale2:
            return try EquivarianceTransform.doubled(tensor, control: control)
        }
    }

    private static func doubled(_ tensor: Tensor, control: ExecutionControl) throws -> Tensor {
        guard tensor.rank >= 1 else {
            throw TensorError.shapeMismatch("scale2 needs a tensor with at least one axis, found a scalar")
        }
        let scaled = Set(tensor.rank == 1 ? [0] : [tensor.rank - 2, tensor.rank - 1])
        let shape = tensor.shape.enumerated().map { scaled.contains($0.offset) ? 2 * $0.element : $0.element }
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        let sourceStrides = tensor.strides
        let targetStrides = Tensor.strides(for: shape)
        let scalars = (0..<count).map { index -> Double in
            var source = 0
            for axis in shape.indices {
                let coordinate = index / targetStrides[axis] % shape[axis]
                source += (scaled.contains(axis) ? coordinate / 2 : coordinate) * sourceStrides[axis]
            }
            return tensor.scalars[source]
        }
        return Tensor(validatedShape: shape, scalars: scalars)
    }
}
