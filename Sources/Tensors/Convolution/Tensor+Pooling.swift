extension Tensor {
    /// Max pooling over the last axis as `torch.nn.functional.max_pool1d` (ceil_mode false):
    /// the input is W, C×W or N×C×W; `stride` defaults to `size`; padding never wins; NaN does.
    public func maxPool1d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try PoolingFunction(name: "maxpool", kind: .max, spatialRank: 1, size: size, stride: stride ?? size,
                            padding: padding).apply(to: self, control: control)
    }

    /// Average pooling over the last axis as `torch.nn.functional.avg_pool1d` (ceil_mode false,
    /// count_include_pad true): the input is W, C×W or N×C×W; `stride` defaults to `size`.
    public func avgPool1d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try PoolingFunction(name: "avgpool", kind: .average, spatialRank: 1, size: size, stride: stride ?? size,
                            padding: padding).apply(to: self, control: control)
    }

    /// Max pooling over the last two axes as `torch.nn.functional.max_pool2d` (ceil_mode false):
    /// the input is H×W, C×H×W or N×C×H×W; one value or a pair for `size`, `stride` (default
    /// `size`) and `padding` (at most half the window; padding never wins; NaN does).
    public func maxPool2d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try PoolingFunction(name: "maxpool", kind: .max, spatialRank: 2, size: size, stride: stride ?? size,
                            padding: padding).apply(to: self, control: control)
    }

    /// Average pooling over the last two axes as `torch.nn.functional.avg_pool2d` (ceil_mode
    /// false, count_include_pad true, so every window divides by its full size): the input is
    /// H×W, C×H×W or N×C×H×W; arguments as for `maxPool2d`.
    public func avgPool2d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try PoolingFunction(name: "avgpool", kind: .average, spatialRank: 2, size: size, stride: stride ?? size,
                            padding: padding).apply(to: self, control: control)
    }
}

/// The argument checks of torch's pooling functions, in front of `Pooling`.
struct PoolingFunction {
    /// "maxpool" or "avgpool", for error messages.
    var name: String
    /// The reduction.
    var kind: PoolingLayer.Kind
    /// 1 or 2 pooled axes (the last ones).
    var spatialRank: Int
    /// The window, one value or one per axis.
    var size: [Int]
    /// The step, one value or one per axis.
    var stride: [Int]
    /// The padding on both sides, one value or one per axis.
    var padding: [Int]

    /// Pools the last `spatialRank` axes of `input`, keeping the leading axes.
    func apply(to input: Tensor, control: ExecutionControl) throws -> Tensor {
        guard input.rank >= spatialRank, input.rank <= spatialRank + 2 else {
            let axes = spatialRank == 2 ? "H×W" : "W"
            throw TensorError.shapeMismatch(
                "\(name): expected the input to be \(axes), C×\(axes) or N×C×\(axes), found \(Tensor.describe(input.shape))")
        }
        // As in torch, only a batch axis (the first of spatialRank + 2) may be empty.
        guard input.shape.suffix(min(input.rank, spatialRank + 1)).allSatisfy({ $0 > 0 }) else {
            throw TensorError.shapeMismatch(
                "\(name): the input \(Tensor.describe(input.shape)) has an empty axis; only the batch may be empty")
        }
        let sizes = try WindowOptions.perAxis(size, "size", name: name, spatialRank: spatialRank, minimum: 1)
        let window = try WindowOptions(stride: stride, padding: .widths(padding))
            .window(kernelShape: sizes, name: name)
        for (pad, size) in zip(window.padding, sizes) where 2 * pad.before > size {
            throw TensorError.invalidArgument(
                "\(name): padding must be at most half the window, found padding \(pad.before) for size \(size)")
        }
        let axes = try window.axes(input: Array(input.shape.suffix(spatialRank)), name: name, noun: "window")
        return try Pooling.run(input, axes: axes, kind: kind, control: control)
    }
}
