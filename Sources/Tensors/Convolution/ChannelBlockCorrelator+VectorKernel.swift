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
}
