extension EquivarianceCheck {
    /// The border, per output axis, that `equivariant` leaves out by default.
    ///
    /// For a stride-1 layer it is exact: an output differs only where its window touches the
    /// padding or the units the shift moved across the border, so the margin is the shift
    /// plus the larger padding of the axis (doubled for scale2). For any other function the kernel is unknown, so it is the units
    /// the function drops (input extent − output extent) but at least an eighth of the axis,
    /// which covers "same" padding with kernels up to a quarter of the input.
    public static func defaultMargin(transform: EquivarianceTransform, layer: Layer?,
                                     input: [Int], output: [Int]) throws -> [Int] {
        var margin = [Int](repeating: 0, count: output.count)
        let padding = layer.map(EquivarianceCheck.padding) ?? []
        func border(_ axis: Int, scale: Int) -> Int {
            let fromEnd = output.count - 1 - axis
            if layer != nil { return scale * (fromEnd < padding.count ? padding[padding.count - 1 - fromEnd] : 0) }
            let inputExtent = fromEnd < input.count ? input[input.count - 1 - fromEnd] : output[axis]
            return max(inputExtent - output[axis], (output[axis] + 7) / 8)
        }
        switch transform {
        case .shift(let offset, let axis):
            let resolved = axis < 0 ? axis + output.count : axis
            guard resolved >= 0, resolved < output.count else {
                throw TensorError.indexOutOfRange(
                    "axis \(axis) is out of range for an output of shape \(Tensor.describe(output))")
            }
            margin[resolved] = abs(offset) + border(resolved, scale: 1)
        case .rotate90, .scale2:
            let scale = transform == .scale2 ? 2 : 1
            for axis in max(0, output.count - 2)..<output.count { margin[axis] = border(axis, scale: scale) }
        }
        return margin
    }

    private static func padding(_ layer: Layer) -> [Int] {
        switch layer {
        case .dense: return []
        case .convolution(let convolution): return convolution.geometry.padding.map { max($0.before, $0.after) }
        case .pooling(let pooling): return pooling.geometry.padding.map { max($0.before, $0.after) }
        }
    }
}
