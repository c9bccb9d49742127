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
            return try layer.apply(to: input, plan: plan, control: control)
        }
    }
}

extension DenseLayer {
    /// y = W x over the flattened input.
    func apply(to input: Tensor, control: ExecutionControl) throws -> Tensor {
        try checkInput(input.shape)
        var result = [Double](repeating: 0, count: outputs)
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
    /// The layer's output: `conv1d`/`conv2d` when the layer is a plain convolution with
    /// symmetric zero padding, otherwise the direct loops below.
    func apply(to input: Tensor, plan: SpatialPlan, control: ExecutionControl) throws -> Tensor {
        let symmetric = geometry.padding.allSatisfy { $0.before == $0.after }
        guard sharing == .shared, geometry.paddingMode == .zero, symmetric else {
            return try applyDirectly(to: input, plan: plan, control: control)
        }
        let channelsFirst = try input.reshaped([plan.channels] + plan.spatialIn)
        let kernel = try sharedKernel(control: control)
        let padding = ConvolutionPadding.explicit(geometry.padding.map(\.before))
        let output = geometry.spatialRank == 1
            ? try channelsFirst.conv1d(weight: kernel, stride: geometry.stride, padding: padding,
                                       dilation: geometry.dilation, control: control)
            : try channelsFirst.conv2d(weight: kernel, stride: geometry.stride, padding: padding,
                                       dilation: geometry.dilation, control: control)
        return try output.reshaped(plan.outputShape)
    }

    /// The one kernel of a shared layer as an `out × in × k…` tensor.
    func sharedKernel(control: ExecutionControl) throws -> Tensor {
        switch weights {
        case .given(let kernel): return kernel
        case .seeded(let generator):
            try control.checkAllocation(kernelWeightCount)
            return Tensor(validatedShape: [outChannels, inChannels] + geometry.kernelShape,
                          scalars: (0..<kernelWeightCount).map(generator.weight))
        }
    }

    /// Cross-correlation over an explicitly padded copy of the input, any sharing and padding.
    func applyDirectly(to input: Tensor, plan: SpatialPlan, control: ExecutionControl) throws -> Tensor {
        let plane = PlaneGeometry(plan)
        let padded = try PaddedPlanes(input, plan: plane, channels: plan.channels, fill: 0, control: control)
        try control.checkAllocation(plan.outputCount)
        var result = [Double](repeating: 0, count: plan.outputCount)
        for output in 0..<outChannels {
            for row in 0..<plane.outputHeight {
                try control.checkInterrupt()
                for column in 0..<plane.outputWidth {
                    let position = row * plane.outputWidth + column
                    let copy = sharing.copy(row: row, column: column, position: position)
                    let sum = windowSum(padded, plane: plane, copy: copy, output: output, row: row, column: column)
                    result[output * plan.positions + position] = sum
                }
            }
        }
        return Tensor(validatedShape: plan.outputShape, scalars: result)
    }

    /// Σ over channels and taps of weight × input under the window of output (`row`, `column`).
    @inline(__always)
    private func windowSum(_ padded: PaddedPlanes, plane: PlaneGeometry, copy: Int, output: Int,
                           row: Int, column: Int) -> Double {
        var sum = 0.0
        for channel in 0..<inChannels {
            for tapRow in 0..<plane.kernelHeight {
                for tapColumn in 0..<plane.kernelWidth {
                    let tap = tapRow * plane.kernelWidth + tapColumn
                    let weight = weightValue(weightIndex(copy: copy, output: output, channel: channel, tap: tap))
                    sum += weight * padded.value(channel: channel, row: row, column: column,
                                                 tapRow: tapRow, tapColumn: tapColumn)
                }
            }
        }
        return sum
    }
}

extension PoolingLayer {
    /// Max (padding ignored, as PyTorch) or average (padding counted, as PyTorch's default) per channel.
    func apply(to input: Tensor, plan: SpatialPlan, control: ExecutionControl) throws -> Tensor {
        let plane = PlaneGeometry(plan)
        let padded = try PaddedPlanes(input, plan: plane, channels: plan.channels,
                                      fill: kind == .max ? -Double.infinity : 0, control: control)
        try control.checkAllocation(plan.outputCount)
        var result = [Double](repeating: 0, count: plan.outputCount)
        let taps = Double(geometry.kernelCount)
        for channel in 0..<plan.channels {
            try control.checkInterrupt()
            for row in 0..<plane.outputHeight {
                for column in 0..<plane.outputWidth {
                    var summary = kind == .max ? -Double.infinity : 0
                    for tapRow in 0..<plane.kernelHeight {
                        for tapColumn in 0..<plane.kernelWidth {
                            let value = padded.value(channel: channel, row: row, column: column,
                                                     tapRow: tapRow, tapColumn: tapColumn)
                            summary = kind == .max ? max(summary, value) : summary + value
                        }
                    }
                    let index = channel * plan.positions + row * plane.outputWidth + column
                    result[index] = kind == .max ? summary : summary / taps
                }
            }
        }
        return Tensor(validatedShape: plan.outputShape, scalars: result)
    }
}
