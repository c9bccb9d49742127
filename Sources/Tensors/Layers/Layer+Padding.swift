extension Layer {
    /// The layer computing scipy's `convolve(x, kernel, mode)` (kernel flipped, the padding holding
    /// `fill`; `.same` with `.wrap` is `convolve2d(..., boundary="wrap", mode="same")`), whose
    /// matrix is scipy.linalg's `convolution_matrix` in 1-D. `kernel` is rank 1 or 2. A layer
    /// does not know its input, so `.valid` does not swap a kernel longer than the input as
    /// `convolve` does: the kernel must fit.
    public static func signalConvolution(kernel: Tensor, mode: SignalMode, fill: PaddingMode = .zero) throws -> Layer {
        guard kernel.rank == 1 || kernel.rank == 2 else {
            throw TensorError.shapeMismatch(
                "as_matrix takes a rank-1 or rank-2 kernel, found a tensor \(Tensor.describe(kernel.shape))")
        }
        let flipped = Tensor(validatedShape: kernel.shape, scalars: kernel.scalars.reversed())
        // scipy's full and same paddings depend on the kernel only.
        let pads = kernel.shape.map { mode == .valid ? Padding.none : mode.padding(input: $0, kernel: $0) }
        var specification = LayerSpecification(kernel: .weights(flipped))
        specification.window = WindowOptions(padding: .pairs(pads), fill: fill)
        return try specification.convolution()
    }

    /// This layer with its padding replaced by `padding` (torch's rules: `.same` puts the odd
    /// unit after) holding `fill`, keeping kernel, stride and dilation.
    public func padded(_ padding: WindowPadding, fill: PaddingMode = .zero) throws -> Layer {
        func repadded(_ window: Window) throws -> Window {
            let pads = try padding.resolved(kernelShape: window.kernelShape, stride: window.stride,
                                            dilation: window.dilation, name: name)
            return window.with(padding: pads, fill: fill)
        }
        switch self {
        case .dense:
            throw TensorError.invalidArgument("a dense layer has no padding, so as_matrix takes no mode for it")
        case .convolution(let layer):
            return .convolution(try ConvolutionLayer(
                window: repadded(layer.window), inChannels: layer.inChannels,
                outChannels: layer.outChannels, sharing: layer.sharing, weights: layer.weights))
        case .pooling(let layer):
            return .pooling(PoolingLayer(window: try repadded(layer.window), kind: layer.kind))
        }
    }
}
