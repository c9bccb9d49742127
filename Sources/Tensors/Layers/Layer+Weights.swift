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

extension DenseLayer {
    /// The weights as an outputs × inputs matrix (weight (i, j) from input j to output i),
    /// drawn from the seed, after checking `control`'s cap.
    public func weightMatrix(control: ExecutionControl) throws -> Tensor {
        let shape = [outputs, inputs]
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        return Tensor(validatedShape: shape, scalars: (0..<count).map(weights.weight))
    }
}
