extension Tensor {
    /// Max pooling over the last axis as `torch.nn.functional.max_pool1d` (ceil_mode false):
    /// the input is W, C×W or N×C×W; `stride` defaults to `size`; padding counts as -infinity.
    public func maxPool1d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try Pooling(name: "maxpool", kind: .max, spatialRank: 1, size: size, stride: stride ?? size,
                    padding: padding).apply(to: self, control: control)
    }

    /// Average pooling over the last axis as `torch.nn.functional.avg_pool1d` (ceil_mode false,
    /// count_include_pad true): the input is W, C×W or N×C×W; `stride` defaults to `size`.
    public func avgPool1d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try Pooling(name: "avgpool", kind: .average, spatialRank: 1, size: size, stride: stride ?? size,
                    padding: padding).apply(to: self, control: control)
    }

    /// Max pooling over the last two axes as `torch.nn.functional.max_pool2d` (ceil_mode false):
    /// the input is H×W, C×H×W or N×C×H×W; one value or a pair for `size`, `stride` (default
    /// `size`) and `padding` (at most half the window; padding counts as -infinity).
    public func maxPool2d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try Pooling(name: "maxpool", kind: .max, spatialRank: 2, size: size, stride: stride ?? size,
                    padding: padding).apply(to: self, control: control)
    }

    /// Average pooling over the last two axes as `torch.nn.functional.avg_pool2d` (ceil_mode
    /// false, count_include_pad true, so every window divides by its full size): the input is
    /// H×W, C×H×W or N×C×H×W; arguments as for `maxPool2d`.
    public func avgPool2d(size: [Int], stride: [Int]? = nil, padding: [Int] = [0],
                          control: ExecutionControl) throws -> Tensor {
        try Pooling(name: "avgpool", kind: .average, spatialRank: 2, size: size, stride: stride ?? size,
                    padding: padding).apply(to: self, control: control)
    }
}
