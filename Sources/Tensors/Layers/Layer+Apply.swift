extension Layer {
    /// Applies the layer to `input` (`layer(x)` in the language); no bias, no activation.
    public func callAsFunction(_ input: Tensor, control: ExecutionControl) throws -> Tensor {
        switch self {
        case .dense(let layer):
            return try layer.apply(to: input, control: control)
        case .convolution(let layer):
            let plan = try spatialPlan(input: input.shape)
            return try layer.apply(to: input, plan: plan, control: control)
        case .pooling(let layer):
            let plan = try spatialPlan(input: input.shape)
            return try Pooling.run(input, axes: plan.axes, kind: layer.kind, control: control)
        }
    }
}

extension DenseLayer {
    /// y = W x over the flattened input.
    func apply(to input: Tensor, control: ExecutionControl) throws -> Tensor {
        try checkInput(input.shape)
        var result = [Double](zeroedTensorStorage: outputs)
        for output in 0..<outputs {
            try control.checkInterrupt()
            var sum = 0.0
            for (index, value) in input.scalars.enumerated() { sum += weight(output: output, input: index) * value }
            result[output] = sum
        }
        return Tensor(validatedShape: [outputs], scalars: result)
    }
}

extension ConvolutionLayer {
    /// The layer's output, as torch's `nn.Conv1d`/`nn.Conv2d` computes it (the padding's values
    /// are multiplied by the weights): a shared kernel runs the convolution plan of `conv1d`/
    /// `conv2d`, unshared and tiled kernels the direct loops below. A fill other than zeros is
    /// written out first.
    func apply(to input: Tensor, plan: SpatialPlan, control: ExecutionControl) throws -> Tensor {
        var source = try input.reshaped([plan.channels] + plan.spatialIn)
        var plane = plan.plane
        if plane.foldsPadding || sharing != .shared {
            source = try source.padded([(0, 0)] + plan.axes.map { ($0.padding.before, $0.padding.after) },
                                       mode: window.fill, control: control)
            plane = plane.unpadded
        }
        guard sharing == .shared else { return try applyUnshared(to: source, plane: plane, plan: plan, control: control) }
        let convolution = ConvolutionPlan(batch: 1, inputChannels: inChannels, outputChannels: outChannels, groups: 1,
                                          plane: plane, multipliesPadding: true)
        let kernel = try sharedKernel(control: control)
        let scalars = try convolution.run(input: source.scalars, weight: kernel.scalars, bias: nil, control: control)
        return Tensor(validatedShape: plan.outputShape, scalars: scalars)
    }

    /// The one kernel of a shared layer as an `out × in × k…` tensor.
    func sharedKernel(control: ExecutionControl) throws -> Tensor {
        switch weights {
        case .given(let kernel): return kernel
        case .seeded(let generator):
            try control.checkAllocation(kernelWeightCount)
            return Tensor(validatedShape: [outChannels, inChannels] + window.kernelShape,
                          scalars: (0..<kernelWeightCount).map(generator.weight))
        }
    }

    /// Cross-correlation with a kernel copy per position or tile, over `padded` (the input with
    /// its padding written out, so `plane` has none).
    private func applyUnshared(to padded: Tensor, plane: WindowPlane, plan: SpatialPlan,
                               control: ExecutionControl) throws -> Tensor {
        try control.checkAllocation(plan.outputCount)
        var result = [Double](zeroedTensorStorage: plan.outputCount)
        let (rows, columns) = (plane.rows, plane.columns)
        // Read once: through `padded.scalars` in the innermost loop, every tap checked the layout
        // and took the array again (callgrind, a tiled 2×2 layer on 280×320: 61.6 → 42.2 M per call).
        let input = padded.scalars
        for output in 0..<outChannels {
            for row in 0..<rows.output {
                try control.checkInterrupt()
                for column in 0..<columns.output {
                    let position = row * columns.output + column
                    let copy = sharing.copy(row: row, column: column, position: position)
                    var sum = 0.0
                    for channel in 0..<inChannels {
                        for tapRow in 0..<rows.kernel {
                            let rowStart = (channel * rows.input + rows.position(output: row, tap: tapRow)) * columns.input
                            for tapColumn in 0..<columns.kernel {
                                let tap = tapRow * columns.kernel + tapColumn
                                let weight = weightValue(weightIndex(copy: copy, output: output, channel: channel, tap: tap))
                                sum += weight * input[rowStart + columns.position(output: column, tap: tapColumn)]
                            }
                        }
                    }
                    result[output * plan.positions + position] = sum
                }
            }
        }
        return Tensor(validatedShape: plan.outputShape, scalars: result)
    }
}
