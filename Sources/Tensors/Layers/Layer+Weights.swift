extension Layer {
    /// The shape of the layer's weight tensor: `outputs × inputs` for a dense layer,
    /// `out × in × kernel` for a convolution with one shared kernel; nil for layers whose
    /// weights are not one tensor (pooling has none, unshared and tiled layers hold a kernel per
    /// position or tile).
    public var weightShape: [Int]? {
        switch self {
        case .dense(let layer): return [layer.outputs, layer.inputs]
        case .convolution(let layer) where layer.sharing == .shared:
            return [layer.outChannels, layer.inChannels] + layer.window.kernelShape
        case .convolution, .pooling: return nil
        }
    }

    /// The weights as a tensor of `weightShape` (random weights drawn now, within `control`'s
    /// cap); nil when `weightShape` is nil.
    public func weightTensor(control: ExecutionControl) throws -> Tensor? {
        guard let shape = weightShape else { return nil }
        switch self {
        case .dense(let layer):
            if case .given(let tensor) = layer.weights { return tensor }
            let count = try Tensor.elementCount(of: shape)
            try control.checkAllocation(count)
            var scalars = [Double](repeating: 0, count: count)
            for output in 0..<layer.outputs {
                try control.checkInterrupt()
                for input in 0..<layer.inputs { scalars[output * layer.inputs + input] = layer.weight(output: output, input: input) }
            }
            return Tensor(validatedShape: shape, scalars: scalars)
        case .convolution(let layer):
            return try layer.sharedKernel(control: control)
        case .pooling:
            return nil
        }
    }

    /// The same layer with `weights` (of `weightShape`) in place of its own.
    public func replacingWeights(_ weights: Tensor) throws -> Layer {
        guard let shape = weightShape else {
            throw TensorError.invalidArgument("\(name) has no weight tensor to replace")
        }
        guard weights.shape == shape else {
            let layout = if case .dense = self { "outputs × inputs" } else { "out × in × kernel" }
            throw TensorError.shapeMismatch(
                "\(name) weights must be \(Tensor.describe(shape)) (\(layout)), found a tensor \(Tensor.describe(weights.shape))")
        }
        switch self {
        case .dense:
            return .dense(try DenseLayer(weights: weights))
        case .convolution(let layer):
            return .convolution(try ConvolutionLayer(window: layer.window, inChannels: layer.inChannels,
                                                     outChannels: layer.outChannels, sharing: layer.sharing,
                                                     weights: .given(weights)))
        case .pooling:
            return self
        }
    }
}

/// A layer's weights as tensors, for looking at them (the debugger's variables panel); the
/// layers themselves never store seeded weights (see `SeededWeights`).
extension ConvolutionLayer {
    /// How many kernel copies the layer holds whatever its input: 1 for a convolution (and for
    /// an unshared layer given one kernel, which starts as copies of it), t^rank when tiled;
    /// nil for seeded unshared weights, one kernel per output position.
    public var inputIndependentCopies: Int? {
        switch (sharing, weights) {
        case (.shared, _), (.unshared, .given): return 1
        case (.tiled, _): return sharing.tiles(rank: window.spatialRank)
        case (.unshared, .seeded): return nil
        }
    }

    /// The first `copies` kernel copies, shaped copies × out × in × kernel…, after checking
    /// `control`'s cap.
    public func weights(copies: Int, control: ExecutionControl) throws -> Tensor {
        let shape = [copies, outChannels, inChannels] + window.kernelShape
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        return Tensor(validatedShape: shape, scalars: (0..<count).map(weightValue))
    }
}
