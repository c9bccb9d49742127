extension Tensor {
    /// Combines two tensors elementwise with numpy broadcasting.
    ///
    /// The result is laid out as the operand that has the result's whole shape (the left one
    /// when both do), as numpy's `order='K'`: on a transpose `x.T + 1` is one contiguous pass
    /// and stays transposed. An operand laid out otherwise is copied into that layout first.
    ///
    /// Throws `TensorError.shapeMismatch` ("cannot broadcast 2×3 with 4") when an axis pair
    /// differs and neither is 1.
    public func combined(with other: Tensor, _ operation: BinaryOperation,
                         control: ExecutionControl) throws -> Tensor {
        // The common cases skip the stride bookkeeping (at 64², it cost as much as the arithmetic):
        // equal shapes, or one side a single element that broadcasts into the other's shape.
        if self.shape == other.shape {
            let right = try other.laidOut(axisOrder, control: control)
            return try ElementwiseKernel.combine(storage, step: 1, right.storage, step: 1, shape: shape,
                                                 axisOrder: axisOrder, operation, control: control)
        }
        if other.count == 1 && other.rank <= rank {
            return try ElementwiseKernel.combine(storage, step: 1, other.storage, step: 0, shape: shape,
                                                 axisOrder: axisOrder, operation, control: control)
        }
        if count == 1 && rank <= other.rank {
            return try ElementwiseKernel.combine(storage, step: 0, other.storage, step: 1, shape: other.shape,
                                                 axisOrder: other.axisOrder, operation, control: control)
        }
        // One operand's elements repeated along the other's leading axes, both row-major
        // (`x + y[0]`): one kernel call over the rows. The general path below walked 64 runs of
        // 64 at 64², each a kernel call, at three times the arithmetic's instruction count
        // (callgrind: 22,786 instructions per `x + y[0]` in `combined`).
        if other.repeatsAlongLeadingAxes(of: self) {
            return try ElementwiseKernel.combineRows(storage, other.storage, leftRepeats: false, shape: self.shape,
                                                     length: other.count, operation, control: control)
        }
        if repeatsAlongLeadingAxes(of: other) {
            return try ElementwiseKernel.combineRows(storage, other.storage, leftRepeats: true, shape: other.shape,
                                                     length: self.count, operation, control: control)
        }
        let shape = try Tensor.broadcastShape(self.shape, other.shape)
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        // Walk the result in its storage order: the axes permuted by the layout it takes.
        let order = self.shape == shape ? axisOrder : (other.shape == shape ? other.axisOrder : nil)
        if let order {
            let left = Tensor.broadcastStrides(of: self.shape, strides: storageStrides, to: shape)
            let right = Tensor.broadcastStrides(of: other.shape, strides: other.storageStrides, to: shape)
            let layout = RunLayout(shape: order.map { shape[$0] }, left: order.map { left[$0] },
                                   right: order.map { right[$0] })
            if layout.hasVectorRuns {
                return try ElementwiseKernel.combine(storage, other.storage, layout, shape: shape, axisOrder: order,
                                                     count: count, operation, control: control)
            }
        }
        let (left, right) = (try rowMajor(control: control), try other.rowMajor(control: control))
        let layout = RunLayout(shape: shape, left: Tensor.broadcastStrides(of: left.shape, to: shape),
                               right: Tensor.broadcastStrides(of: right.shape, to: shape))
        return try ElementwiseKernel.combine(left.storage, right.storage, layout, shape: shape, axisOrder: nil,
                                             count: count, operation, control: control)
    }

    /// Whether this tensor's shape, less leading 1s, is the trailing part of `full`'s shape (of
    /// no lower rank), both non-empty and row-major: broadcasting this to `full` repeats its
    /// elements as a block, `full.count / count` times in a row.
    private func repeatsAlongLeadingAxes(of full: Tensor) -> Bool {
        guard rank <= full.rank, count > 0, full.count > 0, isRowMajor, full.isRowMajor else { return false }
        let trimmed = shape.drop { $0 == 1 }
        return full.shape.suffix(trimmed.count).elementsEqual(trimmed)
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
        let view = StridedView(base: 0, shape: shape,
                               strides: Tensor.broadcastStrides(of: self.shape, strides: storageStrides, to: shape))
        return Tensor(validatedShape: shape, scalars: try view.gather(from: storage, control: control))
    }

    /// Strides that read a row-major `shape` as if it had `target`'s shape: 0 along broadcast axes.
    static func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        broadcastStrides(of: shape, strides: strides(for: shape), to: target)
    }

    /// Strides that read `shape`, stored with `own` strides, as if it had `target`'s shape: 0
    /// along broadcast axes.
    static func broadcastStrides(of shape: [Int], strides own: [Int], to target: [Int]) -> [Int] {
        let offset = target.count - shape.count
        return (0..<target.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }
}
