extension Tensor {
    /// Permutes the axes: result axis `i` is this tensor's axis `axes[i]` (negative counts from
    /// the end); nil reverses them, like numpy's `t.T`.
    ///
    /// Copies nothing, as numpy's transpose is a view: the result shares this tensor's storage
    /// and records the new order of its axes (`Tensor+Layout.swift`). Operations that need
    /// row-major elements copy them then, through the blocked transpose kernel; elementwise
    /// operations and `@` read the layout as it is. `control` is not consulted: there is no
    /// work to interrupt.
    public func transposed(_ axes: [Int]? = nil, control: ExecutionControl) throws -> Tensor {
        guard let axes else {
            // Reversed axes (`x.T`): stored axis a becomes result axis rank − 1 − a, without
            // building the permutation, its inverse and the identity (callgrind, per 64² `x.T`
            // in a loop: 2,384 → 662 instructions in `transposed`, 4,260 → 1,126 in all).
            let last = rank - 1
            return Tensor(validatedShape: shape.reversed(), storage: storage,
                          axisOrder: axisOrder.map { $0.map { last - $0 } } ?? Array((0..<rank).reversed()))
        }
        let order = try normalizedPermutation(axes)
        // Result axis i is axis order[i]; the storage keeps its layout, each of its axes
        // renamed to the result axis it became.
        var renamed = [Int](repeating: 0, count: rank)
        for (axis, source) in order.enumerated() { renamed[source] = axis }
        let stored = axisOrder ?? Array(0..<rank)
        return Tensor(validatedShape: order.map { shape[$0] }, storage: storage, axisOrder: stored.map { renamed[$0] })
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
