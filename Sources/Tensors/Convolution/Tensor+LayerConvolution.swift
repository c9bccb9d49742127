extension Tensor {
    /// A 1-D convolution layer exactly as `torch.nn.functional.conv1d` (a cross-correlation):
    /// the input is C×W or N×C×W, `weight` is O×(C/groups)×k, `bias` has O values.
    ///
    /// `stride`, `dilation` and explicit padding take one value. An unbatched input gives an
    /// unbatched (O×W') result.
    public func conv1d(weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                       padding: ConvolutionPadding = .explicit([0]), dilation: [Int] = [1],
                       groups: Int = 1, control: ExecutionControl) throws -> Tensor {
        let request = LayerConvolution(
            name: "conv1d", spatialRank: 1, stride: stride, padding: padding, dilation: dilation, groups: groups)
        return try request.apply(to: self, weight: weight, bias: bias, control: control)
    }

    /// A 2-D convolution layer exactly as `torch.nn.functional.conv2d` (a cross-correlation):
    /// the input is C×H×W or N×C×H×W, `weight` is O×(C/groups)×kH×kW, `bias` has O values.
    ///
    /// `stride`, `dilation` and explicit padding take one value (both axes) or a pair
    /// (height, width). An unbatched input gives an unbatched (O×H'×W') result.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                       padding: ConvolutionPadding = .explicit([0]), dilation: [Int] = [1],
                       groups: Int = 1, control: ExecutionControl) throws -> Tensor {
        let request = LayerConvolution(
            name: "conv2d", spatialRank: 2, stride: stride, padding: padding, dilation: dilation, groups: groups)
        return try request.apply(to: self, weight: weight, bias: bias, control: control)
    }
}
