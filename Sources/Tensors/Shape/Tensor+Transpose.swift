extension Tensor {
    /// Permutes the axes: result axis `i` is this tensor's axis `axes[i]` (negative counts from
    /// the end); nil reverses them, like numpy's `t.T`.
    public func transposed(_ axes: [Int]? = nil, control: ExecutionControl) throws -> Tensor {
        let order = try axes.map { try normalizedPermutation($0) } ?? Array((0..<rank).reversed())
        let own = strides
        let view = StridedView(base: 0, shape: order.map { shape[$0] }, strides: order.map { own[$0] })
        try control.checkAllocation(count)
        return Tensor(validatedShape: view.shape, scalars: try view.gather(from: scalars, control: control))
    }

    /// `axes` with negatives resolved, checked to be a permutation of `0..<rank`.
    private func normalizedPermutation(_ axes: [Int]) throws -> [Int] {
        let resolved = try axes.map { try normalizedAxis($0) }
        guard resolved.count == rank, Set(resolved).count == rank else {
            throw TensorError.invalidArgument(
                "axes \(axes) are not a permutation of the \(rank) axes of a \(Tensor.describe(shape)) tensor")
        }
        return resolved
    }

    /// `axis` with a negative value counted from the end, checked against the rank.
    public func normalizedAxis(_ axis: Int) throws -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard rank > 0 else {
            throw TensorError.invalidArgument("axis \(axis) does not exist: a scalar has no axes")
        }
        guard resolved >= 0, resolved < rank else {
            throw TensorError.invalidArgument(
                "axis \(axis) is out of range for a tensor of rank \(rank); use 0 to \(rank - 1) or -\(rank) to -1")
        }
        return resolved
    }
}
