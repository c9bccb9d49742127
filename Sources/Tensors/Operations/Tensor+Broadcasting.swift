extension Tensor {
    /// Combines two tensors elementwise with numpy broadcasting.
    ///
    /// Throws `TensorError.shapeMismatch` ("cannot broadcast 2×3 with 4") when an axis pair
    /// differs and neither is 1.
    public func combined(with other: Tensor, _ operation: BinaryOperation,
                         control: ExecutionControl) throws -> Tensor {
        // The common cases skip the stride bookkeeping (at 64², it cost as much as the arithmetic):
        // equal shapes, or one side a single element that broadcasts into the other's shape.
        if self.shape == other.shape || (other.count == 1 && other.rank <= rank) {
            return try ElementwiseKernel.combine(scalars, step: 1, other.scalars, step: other.count == 1 ? 0 : 1,
                                                 shape: shape, operation, control: control)
        }
        if count == 1 && rank <= other.rank {
            return try ElementwiseKernel.combine(scalars, step: 0, other.scalars, step: 1, shape: other.shape,
                                                 operation, control: control)
        }
        let shape = try Tensor.broadcastShape(self.shape, other.shape)
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        let left = Tensor.broadcastStrides(of: self.shape, to: shape)
        let right = Tensor.broadcastStrides(of: other.shape, to: shape)
        return try ElementwiseKernel.combine(scalars, left, other.scalars, right,
                                             shape: shape, count: count, operation, control: control)
    }

    /// The shape two shapes broadcast to, following numpy's rules.
    public static func broadcastShape(_ first: [Int], _ second: [Int]) throws -> [Int] {
        let rank = Swift.max(first.count, second.count)
        var shape = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let a = axis < rank - first.count ? 1 : first[axis - (rank - first.count)]
            let b = axis < rank - second.count ? 1 : second[axis - (rank - second.count)]
            guard a == b || a == 1 || b == 1 else {
                throw TensorError.shapeMismatch("cannot broadcast \(describe(first)) with \(describe(second))")
            }
            shape[axis] = a == 1 ? b : a
        }
        return shape
    }

    /// This tensor's elements repeated to `shape`, which it must broadcast to exactly.
    public func broadcast(to shape: [Int], control: ExecutionControl) throws -> Tensor {
        let joined = try Tensor.broadcastShape(self.shape, shape)
        guard joined == shape else {
            throw TensorError.shapeMismatch(
                "cannot broadcast \(Tensor.describe(self.shape)) to \(Tensor.describe(shape))")
        }
        if self.shape == shape { return self }
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        let view = StridedView(base: 0, shape: shape, strides: Tensor.broadcastStrides(of: self.shape, to: shape))
        return Tensor(validatedShape: shape, scalars: try view.gather(from: scalars, control: control))
    }

    /// Strides that read `shape` as if it had `target`'s shape: 0 along broadcast axes.
    static func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(for: shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }
}
