import CConvolutionKernels

extension Tensor {
    /// The gradient of a cross-correlation (`conv1d`/`conv2d`, torch's layout) with respect to
    /// its weight, for this input (N×C×H×W) and the gradient of its output (N×O×Ho×Wo): an
    /// O × C/groups × kH × kW tensor whose every weight sums g[n, o, i, j] times the input that
    /// weight met at output (i, j), over the whole batch and every position (the padding's zeros
    /// add nothing). `rows` and `columns` are the forward pass's windows, zero-padded (a 1-D
    /// correlation has one row of one unit).
    ///
    /// One work unit is a block of four output channels and one input channel, over all images
    /// in one call (the vector sums were reduced and stored after every image, 36 reductions
    /// per 11×11 image of the small CNN's second layer against ~800 multiply-adds);
    /// with a column stride of 1 it runs on the C micro-kernels (AVX-512 or AVX2+FMA, as the
    /// forward pass does), which keep 4 × (kernel columns) sums in registers while they stream
    /// over the rows; other CPUs and strides get the portable loops.
    public func correlationWeightGradient(outputGradient g: Tensor, groups: Int, rows: WindowAxis, columns: WindowAxis,
                                          control: ExecutionControl) throws -> Tensor {
        try correlationWeightGradient(outputGradient: g, groups: groups, rows: rows, columns: columns,
                                      kernel: columns.stride == 1 ? .best : .portable, control: control)
    }

    /// The same with the micro-kernel chosen (tests compare every kernel the CPU has).
    func correlationWeightGradient(outputGradient g: Tensor, groups: Int, rows: WindowAxis, columns: WindowAxis,
                                   kernel: BlockKernel, control: ExecutionControl) throws -> Tensor {
        guard rank == 4, g.rank == 4, shape[0] == g.shape[0], groups >= 1, shape[1] % groups == 0,
              g.shape[1] % groups == 0, shape[2] == rows.input, shape[3] == columns.input,
              g.shape[2] == rows.output, g.shape[3] == columns.output else {
            throw TensorError.shapeMismatch(
                "a weight gradient needs an N×C×H×W input and an N×O×H′×W′ output gradient of its windows, found "
                + "\(Tensor.describe(shape)) and \(Tensor.describe(g.shape))")
        }
        let batch = shape[0], inputChannels = shape[1], outputChannels = g.shape[1]
        let channelsPerGroup = inputChannels / groups, outputsPerGroup = outputChannels / groups
        let taps = rows.kernel * columns.kernel
        let count = try Tensor.elementCount(of: [outputChannels, channelsPerGroup, taps])
        try control.checkAllocation(count)
        var result = [Double](zeroedTensorStorage: count)
        guard batch > 0 else { return Tensor(validatedShape: [outputChannels, channelsPerGroup, rows.kernel, columns.kernel], scalars: result) }
        let plane = WindowPlane(rows: rows, columns: columns)
        // Windows that read exactly the input (no padding, no unread tail) read it in place.
        let readsInPlace = rows.padding == .none && columns.padding == .none
            && rows.paddedExtent == rows.input && columns.paddedExtent == columns.input
        let padded = readsInPlace
            ? PaddedInput(unpadded: scalars, rows: rows.input, columns: columns.input)
            : try scalars.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else {
                    throw TensorError.shapeMismatch("a weight gradient needs a non-empty input")
                }
                return try PaddedInput(base, planes: batch * inputChannels, geometry: plane, control: control)
            }
        let blocksPerGroup = (outputsPerGroup + 3) / 4
        let units = groups * blocksPerGroup * channelsPerGroup
        let outputPlane = rows.output * columns.output
        try g.scalars.withUnsafeBufferPointer { gBuffer in
            try padded.scalars.withUnsafeBufferPointer { xBuffer in
                try result.withUnsafeMutableBufferPointer { resultBuffer in
                    guard let gBase = gBuffer.baseAddress, let xBase = xBuffer.baseAddress,
                          let weights = resultBuffer.baseAddress else { return }
                    try ParallelLoop.run("backward", units: units, costPerUnit: 4 * batch * outputPlane * taps,
                                         control: control) { range in
                        for unit in range {
                            let channel = unit % channelsPerGroup
                            let block = unit / channelsPerGroup
                            let group = block / blocksPerGroup
                            let first = group * outputsPerGroup + (block % blocksPerGroup) * 4
                            let outputs = min(4, (group + 1) * outputsPerGroup - first)
                            let planeSize = padded.rows * padded.columns
                            var job = ReceptiveWeightGradient(
                                gradient: gBase + first * outputPlane,
                                gradientChannelStride: outputPlane, outputChannels: outputs,
                                rows: rows.output, width: columns.output,
                                source: xBase + (group * channelsPerGroup + channel) * planeSize,
                                sourceRowStride: rows.stride * padded.columns,
                                kernelRowStep: rows.dilation * padded.columns, columnStep: columns.dilation,
                                kernelRows: rows.kernel, kernelColumns: columns.kernel,
                                weights: weights + (first * channelsPerGroup + channel) * taps,
                                weightChannelStride: channelsPerGroup * taps,
                                images: batch, gradientImageStride: outputChannels * outputPlane,
                                sourceImageStride: inputChannels * planeSize)
                            if kernel == .portable || columns.stride != 1 {
                                Tensor.accumulateWeightGradient(&job, columnStride: columns.stride)
                            } else {
                                receptive_conv_weight_gradient(kernel.level, &job)
                            }
                        }
                    }
                }
            }
        }
        return Tensor(validatedShape: [outputChannels, channelsPerGroup, rows.kernel, columns.kernel], scalars: result)
    }

    /// The portable loops of one job, for any column stride.
    private static func accumulateWeightGradient(_ job: inout ReceptiveWeightGradient, columnStride: Int) {
        for out in 0..<job.outputChannels {
            let weights = job.weights + out * job.weightChannelStride
            for image in 0..<job.images {
                let gradient = job.gradient + image * job.gradientImageStride + out * job.gradientChannelStride
                let imageSource = job.source + image * job.sourceImageStride
                for kernelRow in 0..<job.kernelRows {
                    for tap in 0..<job.kernelColumns {
                        var total = 0.0
                        for row in 0..<job.rows {
                            let source = imageSource + row * job.sourceRowStride + kernelRow * job.kernelRowStep
                                + tap * job.columnStep
                            let values = gradient + row * job.width
                            for column in 0..<job.width { total += values[column] * source[column * columnStride] }
                        }
                        weights[kernelRow * job.kernelColumns + tap] += total
                    }
                }
            }
        }
    }
}
