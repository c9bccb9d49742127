/// A convolution-like layer (Deep Learning §9.1–9.2, §9.5): a kernel slid over a 1-D or 2-D input
/// with several channels, whose weights are shared everywhere (convolution), nowhere (locally
/// connected, eq. 9.9) or cycled over t positions per axis (tiled, eq. 9.10).
public struct ConvolutionLayer: Sendable, Equatable {
    /// How the layer shares weights between output positions.
    public enum Sharing: Sendable, Equatable {
        /// One kernel for every position (convolution).
        case shared
        /// A different kernel at every output position (locally connected, eq. 9.9).
        case unshared
        /// `period` kernels per axis used in turn: position j uses kernel j mod t (eq. 9.10).
        case tiled(period: Int)
    }

    /// Kernel shape, stride, dilation, padding and fill.
    public let window: Window
    /// Input channels (C).
    public let inChannels: Int
    /// Output channels (O): one kernel per output channel.
    public let outChannels: Int
    /// How weights are shared between positions.
    public let sharing: Sharing
    /// Where the weights come from.
    public let weights: KernelWeights

    /// Creates a layer; a given weight tensor must be shaped `out × in × k…` for the window.
    public init(window: Window, inChannels: Int = 1, outChannels: Int = 1,
                sharing: Sharing = .shared, weights: KernelWeights) throws {
        guard inChannels >= 1, outChannels >= 1 else {
            throw TensorError.invalidArgument(
                "channels must be ≥ 1, found in_channels \(inChannels) and out_channels \(outChannels)")
        }
        if case .tiled(let period) = sharing, period < 1 {
            throw TensorError.invalidArgument("tiled needs t ≥ 1 kernels per axis, found t = \(period)")
        }
        let perCopy = [outChannels, inChannels, window.kernelCount]
        let tiles = sharing.tiles(rank: window.spatialRank)
        guard (try? Tensor.elementCount(of: perCopy + [tiles ?? 1])) != nil, tiles != nil else {
            throw TensorError.limitExceeded(
                "a layer of \(outChannels) × \(inChannels) kernels of \(Tensor.describe(window.kernelShape)) "
                + "(\(sharing)) has too many weights to count")
        }
        if case .given(let kernel) = weights {
            let expected = [outChannels, inChannels] + window.kernelShape
            guard kernel.shape == expected else {
                throw TensorError.shapeMismatch(
                    "weights for this layer must be \(Tensor.describe(expected)) (out × in × kernel), "
                    + "found \(Tensor.describe(kernel.shape))")
            }
        }
        self.window = window
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.sharing = sharing
        self.weights = weights
    }

    /// The builtin that makes a layer with `sharing`: `conv_layer`, `locally_connected` or `tiled`.
    static func name(of sharing: Sharing) -> String {
        switch sharing {
        case .shared: return "conv_layer"
        case .unshared: return "locally_connected"
        case .tiled: return "tiled"
        }
    }

    /// The number of weights in one kernel copy: O × C × (taps of the kernel).
    public var kernelWeightCount: Int { outChannels * inChannels * window.kernelCount }

    /// How many kernel copies the layer holds for `positions` output positions per channel:
    /// 1 for a convolution, one per position when unshared, t^rank when tiled.
    func copies(positions: Int) -> Int {
        switch sharing {
        case .shared: return 1
        case .unshared: return positions
        case .tiled: return sharing.tiles(rank: window.spatialRank) ?? 1
        }
    }

    /// The 0-based index of the weight that output channel `output` uses for input channel
    /// `channel`, tap `tap`, in kernel copy `copy`.
    @inline(__always)
    func weightIndex(copy: Int, output: Int, channel: Int, tap: Int) -> Int {
        ((copy * outChannels + output) * inChannels + channel) * window.kernelCount + tap
    }

    /// The value of the weight with index `index` (see `weightIndex`).
    @inline(__always)
    func weightValue(_ index: Int) -> Double {
        switch weights {
        case .given(let kernel): return kernel.scalars[index % kernelWeightCount]
        case .seeded(let generator): return generator.weight(index)
        }
    }
}

extension ConvolutionLayer.Sharing {
    /// The kernel copy used at output position (`row`, `column`) of the output plane, whose flat
    /// index is `position`; a 1-D layer's positions all have row 0.
    @inline(__always)
    func copy(row: Int, column: Int, position: Int) -> Int {
        switch self {
        case .shared: return 0
        case .unshared: return position
        case .tiled(let period): return (row % period) * period + column % period
        }
    }

    /// The number of kernel copies a tiled layer cycles through (t^rank), 1 otherwise; nil
    /// when it is too large to count.
    func tiles(rank: Int) -> Int? {
        guard case .tiled(let period) = self else { return 1 }
        return try? Tensor.elementCount(of: Array(repeating: period, count: rank))
    }
}
