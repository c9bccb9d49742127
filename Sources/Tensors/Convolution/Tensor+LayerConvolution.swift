extension Tensor {
    /// A 1-D convolution layer exactly as `torch.nn.functional.conv1d` (a cross-correlation):
    /// the input is C×W or N×C×W, `weight` is O×(C/groups)×k, `bias` has O values.
    ///
    /// `stride`, `dilation` and padding widths take one value. An unbatched input gives an
    /// unbatched (O×W') result.
    public func conv1d(weight: Tensor, bias: Tensor? = nil, options: ConvolutionOptions = ConvolutionOptions(),
                       control: ExecutionControl) throws -> Tensor {
        try LayerConvolution(name: "conv1d", spatialRank: 1, options: options)
            .apply(to: self, weight: weight, bias: bias, control: control)
    }

    /// A 2-D convolution layer exactly as `torch.nn.functional.conv2d` (a cross-correlation):
    /// the input is C×H×W or N×C×H×W, `weight` is O×(C/groups)×kH×kW, `bias` has O values.
    ///
    /// `stride`, `dilation` and padding widths take one value (both axes) or a pair
    /// (height, width). An unbatched input gives an unbatched (O×H'×W') result.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, options: ConvolutionOptions = ConvolutionOptions(),
                       control: ExecutionControl) throws -> Tensor {
        try LayerConvolution(name: "conv2d", spatialRank: 2, options: options)
            .apply(to: self, weight: weight, bias: bias, control: control)
    }
}
