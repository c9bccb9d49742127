import CConvolutionKernels

extension ChannelBlockCorrelator {
    /// Writes one output row of `channels` (≤ 4) channels from `firstChannel` with the C
    /// micro-kernel of `kernel`; `source` is the padded input at the row's first window and
    /// `output` the first channel's output row.
    func runVectorRow(source: UnsafePointer<Double>, padded: PaddedInput, weights: UnsafePointer<Double>,
                      bias: [Double]?, firstChannel: Int, channels: Int, output: UnsafeMutablePointer<Double>) {
        let geometry = plan.plane
        let start = { (offset: Int) in offset < channels ? bias?[firstChannel + offset] ?? 0 : 0 }
        var row = ReceptiveBlockRow(
            source: source, planeSize: padded.rows * padded.columns,
            rowStep: geometry.rows.dilation * padded.columns, columnStep: geometry.columns.dilation,
            channels: plan.channelsPerGroup, kernelRows: geometry.rows.kernel,
            kernelColumns: geometry.columns.kernel, weights: weights, width: geometry.columns.output,
            output: output, outputChannelStride: geometry.rows.output * geometry.columns.output,
            outputChannels: channels, bias: (start(0), start(1), start(2), start(3)))
        receptive_conv_block_row(kernel.level, &row)
    }

    /// Writes every output row of block `block` (counted over all groups) of image `image` in
    /// one call of the C micro-kernel, for unit strides: the plane is read as one long row.
    ///
    /// With stride 1 on both axes, output (i, j) reads the padded input at (i + a·d)·W + j + b·d
    /// for tap (a, b), W the padded width: a 1-D correlation at position i·W + j. So the kernel
    /// runs once over positions 0 ..< (H′ − 1)·W + W′, computing W − W′ throwaway outputs per row
    /// (windows across a row's end) into `scratch` (4 × that many elements), whose rows are then
    /// copied out. Small planes gain twice: a row of 11 outputs filled 11 of 16 AVX-512 lanes,
    /// the plane of 11 rows fills 121 of 144; and one call does the work of H′ calls (see
    /// `ConvolutionPlan.flattensPlanes`).
    func runVectorPlane(image: Int, block: Int, padded: PaddedInput, input: UnsafePointer<Double>,
                        weights: UnsafePointer<Double>, bias: [Double]?, scratch: UnsafeMutablePointer<Double>,
                        output: UnsafeMutablePointer<Double>) {
        let geometry = plan.plane
        let width = geometry.columns.output, height = geometry.rows.output
        let group = block / blocksPerGroup
        let firstChannel = group * plan.outputsPerGroup + (block % blocksPerGroup) * Self.blockSize
        let channels = min(Self.blockSize, (group + 1) * plan.outputsPerGroup - firstChannel)
        let source = input + (image * plan.inputChannels + group * plan.channelsPerGroup) * padded.rows * padded.columns
        let blockWeights = weights + block * plan.channelsPerGroup * geometry.kernelCount * Self.blockSize * 2
        let length = (height - 1) * padded.columns + width
        let start = { (offset: Int) in offset < channels ? bias?[firstChannel + offset] ?? 0 : 0 }
        var row = ReceptiveBlockRow(
            source: source, planeSize: padded.rows * padded.columns,
            rowStep: geometry.rows.dilation * padded.columns, columnStep: geometry.columns.dilation,
            channels: plan.channelsPerGroup, kernelRows: geometry.rows.kernel,
            kernelColumns: geometry.columns.kernel, weights: blockWeights, width: length,
            output: scratch, outputChannelStride: length,
            outputChannels: channels, bias: (start(0), start(1), start(2), start(3)))
        receptive_conv_block_row(kernel.level, &row)
        for offset in 0..<channels {
            let target = output + (image * plan.outputChannels + firstChannel + offset) * height * width
            for i in 0..<height {
                (target + i * width).update(from: scratch + offset * length + i * padded.columns, count: width)
            }
        }
    }
}
