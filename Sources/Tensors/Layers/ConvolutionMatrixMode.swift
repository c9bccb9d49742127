/// The borders `as_matrix` builds a matrix for: scipy's three modes plus circular wrap.
public enum ConvolutionMatrixMode: String, Sendable, CaseIterable {
    /// Every overlap of kernel and input (zero padding of k − 1 on each side).
    case full
    /// Only windows inside the input (no padding).
    case valid
    /// Output the size of the input, centred on `full` (zero padding).
    case same
    /// Output the size of the input, centred like `same`, with the input wrapped around
    /// (circulant / doubly block circulant matrices).
    case wrap

    /// Parses a mode name, listing the valid ones on failure.
    public init(named name: String) throws {
        guard let mode = ConvolutionMatrixMode(rawValue: name) else {
            let names = ConvolutionMatrixMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw TensorError.invalidArgument("mode must be one of \(names), found \"\(name)\"")
        }
        self = mode
    }
}

extension Layer {
    /// The layer computing scipy's `convolve(x, kernel, mode)` (kernel flipped; `wrap` is
    /// `convolve2d(..., boundary="wrap", mode="same")`), whose matrix is scipy.linalg's
    /// `convolution_matrix` in 1-D. `kernel` is rank 1 or 2.
    public static func signalConvolution(kernel: Tensor, mode: ConvolutionMatrixMode) throws -> Layer {
        guard kernel.rank == 1 || kernel.rank == 2 else {
            throw TensorError.shapeMismatch(
                "as_matrix takes a rank-1 or rank-2 kernel, found a tensor \(Tensor.describe(kernel.shape))")
        }
        let flipped = Tensor(validatedShape: kernel.shape, scalars: kernel.scalars.reversed())
        let pads = kernel.shape.map { extent -> ConvolutionGeometry.Padding in
            switch mode {
            case .valid: return .init(before: 0, after: 0)
            case .full: return .init(before: extent - 1, after: extent - 1)
            case .same, .wrap: return .init(before: extent / 2, after: (extent - 1) / 2)
            }
        }
        var specification = LayerSpecification(kernel: .weights(flipped))
        specification.padding = .pairs(pads)
        specification.paddingMode = mode == .wrap ? .wrap : .zero
        return try specification.convolution()
    }

    /// This layer with its padding replaced as `mode` says, keeping kernel, stride and dilation:
    /// `valid` none, `full` d·(k − 1) per side, `same` PyTorch's "same", `wrap` the same
    /// amounts wrapped around.
    public func padded(_ mode: ConvolutionMatrixMode) throws -> Layer {
        func repadded(_ geometry: ConvolutionGeometry) -> ConvolutionGeometry {
            let rank = geometry.spatialRank
            let pads: [ConvolutionGeometry.Padding]
            switch mode {
            case .valid: pads = Array(repeating: .init(before: 0, after: 0), count: rank)
            case .full: pads = (0..<rank).map { .init(before: geometry.reach($0), after: geometry.reach($0)) }
            case .same, .wrap:
                pads = ConvolutionGeometry.samePadding(kernelShape: geometry.kernelShape, dilation: geometry.dilation)
            }
            return geometry.with(padding: pads, mode: mode == .wrap ? .wrap : .zero)
        }
        switch self {
        case .dense:
            throw TensorError.invalidArgument("a dense layer has no padding, so as_matrix takes no mode for it")
        case .convolution(let layer):
            return .convolution(try ConvolutionLayer(
                geometry: repadded(layer.geometry), inChannels: layer.inChannels,
                outChannels: layer.outChannels, sharing: layer.sharing, weights: layer.weights))
        case .pooling(let layer):
            return .pooling(PoolingLayer(geometry: repadded(layer.geometry), kind: layer.kind))
        }
    }
}
