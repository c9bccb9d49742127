extension EquivarianceCheck {
    /// The transform to apply to f(x) that corresponds to `transform` on x: the same, except
    /// that a shift's axis is counted from the end (so a channel axis f adds or removes does
    /// not move it) and a shift by a multiple of a layer's stride s moves the output by 1/s as far.
    public static func outputTransform(for transform: EquivarianceTransform, layer: Layer?,
                                       inputRank: Int) throws -> EquivarianceTransform {
        guard case .shift(let offset, let axis) = transform else { return transform }
        let fromEnd = try fromEnd(axis, rank: inputRank)
        let step = layer.flatMap { spatial($0, fromEnd: fromEnd)?.stride } ?? 1
        return .shift(by: offset % step == 0 ? offset / step : offset, axis: -(fromEnd + 1))
    }

    /// The border, per output axis, that `equivariant` leaves out by default; `transform` is
    /// the output's transform (from `outputTransform`).
    ///
    /// For a layer it is exact: an output differs only where its window touches the padding or
    /// the units the shift moved across the border, so the margin is the output shift plus the
    /// larger padding of the axis in output units (one more with stride > 1; doubled for
    /// scale2). For any other function the kernel is unknown, so it is the units the function
    /// drops (input extent − output extent) but at least an eighth of the axis, which covers
    /// "same" padding with kernels up to a quarter of the input.
    public static func defaultMargin(transform: EquivarianceTransform, layer: Layer?,
                                     input: [Int], output: [Int]) throws -> [Int] {
        func border(_ axis: Int, scale: Int) -> Int {
            let fromEnd = output.count - 1 - axis
            guard let layer else {
                let inputExtent = fromEnd < input.count ? input[input.count - 1 - fromEnd] : output[axis]
                return max(inputExtent - output[axis], (output[axis] + 7) / 8)
            }
            guard let (padding, stride) = spatial(layer, fromEnd: fromEnd) else { return 0 }
            return scale * ((padding + stride - 1) / stride + (stride > 1 ? 1 : 0))
        }
        var margin = [Int](repeating: 0, count: output.count)
        switch transform {
        case .shift(let offset, let axis):
            let resolved = output.count - 1 - (try fromEnd(axis, rank: output.count))
            margin[resolved] = abs(offset) + border(resolved, scale: 1)
        case .rotate90, .scale2:
            let scale = transform == .scale2 ? 2 : 1
            for axis in max(0, output.count - 2)..<output.count { margin[axis] = border(axis, scale: scale) }
        }
        return margin
    }

    /// `axis` (negative from the end) as a distance from the last axis of a rank-`rank` tensor.
    private static func fromEnd(_ axis: Int, rank: Int) throws -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0, resolved < rank else {
            throw TensorError.indexOutOfRange("axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        return rank - 1 - resolved
    }

    /// The larger padding and the stride of the layer's spatial axis `fromEnd` places from the
    /// last; nil for dense layers and channel axes.
    private static func spatial(_ layer: Layer, fromEnd: Int) -> (padding: Int, stride: Int)? {
        let window: Window
        switch layer {
        case .dense: return nil
        case .convolution(let convolution): window = convolution.window
        case .pooling(let pooling): window = pooling.window
        }
        let axis = window.spatialRank - 1 - fromEnd
        guard axis >= 0 else { return nil }
        return (max(window.padding[axis].before, window.padding[axis].after), window.stride[axis])
    }
}
