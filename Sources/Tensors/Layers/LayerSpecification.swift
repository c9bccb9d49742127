/// The arguments of `conv_layer`, `locally_connected`, `tiled` and `pool_layer` as the
/// language receives them, turned into layers with per-axis values broadcast and checked.
public struct LayerSpecification: Sendable {
    /// How the kernel is given.
    public enum Kernel: Sendable {
        /// A 1-D kernel of this width with random weights.
        case width(Int)
        /// A kernel of this shape (1-D or 2-D) with random weights.
        case shape([Int])
        /// The weights: rank 1 → 1-D, rank 2 → 2-D, `out × in × k…` → multi-channel.
        case weights(Tensor)
    }

    /// How padding is given.
    public enum Padding: Sendable {
        /// Symmetric amounts: one for every axis, or one per axis.
        case amounts([Int])
        /// `(before, after)` per axis.
        case pairs([ConvolutionGeometry.Padding])
        /// PyTorch's "same" (stride 1 only): output extent = input extent.
        case same
    }

    /// The kernel.
    public var kernel: Kernel
    /// Input channels; nil takes them from a weights tensor, else 1.
    public var inChannels: Int?
    /// Output channels; nil takes them from a weights tensor, else 1.
    public var outChannels: Int?
    /// Stride: one value or one per axis.
    public var stride: [Int] = [1]
    /// Padding amounts.
    public var padding: Padding = .amounts([0])
    /// What the padding holds.
    public var paddingMode: ConvolutionGeometry.PaddingMode = .zero
    /// Dilation: one value or one per axis.
    public var dilation: [Int] = [1]
    /// Seed for random weights.
    public var seed: UInt64 = 0

    /// Creates a specification with defaults (stride 1, no padding, dilation 1, seed 0).
    public init(kernel: Kernel) {
        self.kernel = kernel
    }

    /// A convolution-like layer with the given weight sharing.
    public func convolution(sharing: ConvolutionLayer.Sharing = .shared) throws -> Layer {
        let (shape, given) = try kernelShapeAndWeights()
        let geometry = try makeGeometry(kernelShape: shape)
        let outChannels = self.outChannels ?? given?.shape[0] ?? 1
        let inChannels = self.inChannels ?? given?.shape[1] ?? 1
        let fanIn = inChannels * geometry.kernelCount
        let weights: KernelWeights = given.map { .given($0) } ?? .seeded(SeededWeights(seed: seed, fanIn: fanIn))
        return .convolution(try ConvolutionLayer(geometry: geometry, inChannels: inChannels,
                                                 outChannels: outChannels, sharing: sharing, weights: weights))
    }

    /// A pooling layer; the stride defaults to the window (pass `stride` explicitly to override).
    public func pooling(_ kind: PoolingLayer.Kind) throws -> Layer {
        let (shape, given) = try kernelShapeAndWeights()
        guard given == nil else {
            throw TensorError.invalidArgument("a pooling window is a size or a shape, not a weights tensor")
        }
        return .pooling(PoolingLayer(geometry: try makeGeometry(kernelShape: shape), kind: kind))
    }

    private func kernelShapeAndWeights() throws -> (shape: [Int], weights: Tensor?) {
        switch kernel {
        case .width(let width): return ([width], nil)
        case .shape(let shape): return (shape, nil)
        case .weights(let tensor):
            switch tensor.rank {
            case 1, 2:
                guard (inChannels ?? 1) == 1, (outChannels ?? 1) == 1 else {
                    throw TensorError.shapeMismatch(
                        "a rank-\(tensor.rank) kernel is one kernel for one channel; for \(inChannels ?? 1) input and "
                        + "\(outChannels ?? 1) output channels give weights shaped out × in × "
                        + "\(Tensor.describe(tensor.shape)), or a shape tuple for random weights")
                }
                let lifted = Tensor(validatedShape: [1, 1] + tensor.shape, scalars: tensor.scalars)
                return (tensor.shape, lifted)
            case 3, 4: return (Array(tensor.shape.dropFirst(2)), tensor)
            default:
                throw TensorError.shapeMismatch(
                    "kernel weights are rank 1 (1-D), 2 (2-D), 3 (out × in × k) or 4 (out × in × h × w), "
                    + "found a tensor \(Tensor.describe(tensor.shape))")
            }
        }
    }

    private func makeGeometry(kernelShape: [Int]) throws -> ConvolutionGeometry {
        let rank = kernelShape.count
        let stride = try LayerSpecification.perAxis(self.stride, rank: rank, name: "stride")
        let dilation = try LayerSpecification.perAxis(self.dilation, rank: rank, name: "dilation")
        let pads: [ConvolutionGeometry.Padding]
        switch padding {
        case .amounts(let amounts):
            pads = try LayerSpecification.perAxis(amounts, rank: rank, name: "padding")
                .map { ConvolutionGeometry.Padding(before: $0, after: $0) }
        case .pairs(let pairs):
            pads = pairs
        case .same:
            guard stride.allSatisfy({ $0 == 1 }) else {
                throw TensorError.invalidArgument("padding \"same\" needs stride 1, found stride \(stride)")
            }
            pads = ConvolutionGeometry.samePadding(kernelShape: kernelShape, dilation: dilation)
        }
        return try ConvolutionGeometry(kernelShape: kernelShape, stride: stride, dilation: dilation,
                                       padding: pads, paddingMode: paddingMode)
    }

    private static func perAxis(_ values: [Int], rank: Int, name: String) throws -> [Int] {
        if values.count == rank { return values }
        if values.count == 1 { return Array(repeating: values[0], count: rank) }
        let hint = name == "padding" ? "; write (before, after) pairs as ((1, 2),)" : ""
        throw TensorError.invalidArgument(
            "\(name) needs one value or \(rank) (one per axis of the \(rank)-D kernel), found \(values.count)\(hint)")
    }
}
