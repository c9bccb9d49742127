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

    /// The kernel.
    public var kernel: Kernel
    /// Input channels; nil takes them from a weights tensor, else 1.
    public var inChannels: Int?
    /// Output channels; nil takes them from a weights tensor, else 1.
    public var outChannels: Int?
    /// Stride, padding, dilation and fill (one value for every axis or one per axis).
    public var window = WindowOptions()
    /// Seed for random weights.
    public var seed: UInt64 = 0

    /// Creates a specification with defaults (stride 1, no padding, dilation 1, seed 0).
    public init(kernel: Kernel) {
        self.kernel = kernel
    }

    /// A convolution-like layer with the given weight sharing.
    public func convolution(sharing: ConvolutionLayer.Sharing = .shared) throws -> Layer {
        let (shape, given) = try kernelShapeAndWeights()
        let window = try self.window.window(kernelShape: shape, name: ConvolutionLayer.name(of: sharing))
        let outChannels = self.outChannels ?? given?.shape[0] ?? 1
        let inChannels = self.inChannels ?? given?.shape[1] ?? 1
        let fanIn = inChannels * window.kernelCount
        let weights: KernelWeights = given.map { .given($0) } ?? .seeded(SeededWeights(seed: seed, fanIn: fanIn))
        return .convolution(try ConvolutionLayer(window: window, inChannels: inChannels,
                                                 outChannels: outChannels, sharing: sharing, weights: weights))
    }

    /// A pooling layer; the stride defaults to the window (pass `stride` explicitly to override).
    public func pooling(_ kind: PoolingLayer.Kind) throws -> Layer {
        let (shape, given) = try kernelShapeAndWeights()
        guard given == nil else {
            throw TensorError.invalidArgument("a pooling window is a size or a shape, not a weights tensor")
        }
        return .pooling(PoolingLayer(window: try window.window(kernelShape: shape, name: "pool_layer"), kind: kind))
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
}
