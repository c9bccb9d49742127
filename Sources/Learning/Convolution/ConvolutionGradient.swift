import Tensors

/// The backward pass of a batched 2-D cross-correlation in torch's layout (N×C×H×W input,
/// O×(C/groups)×kH×kW weight), on the window model: `rows` and `columns` are the forward
/// pass's `WindowAxis`es, with zero padding (other fills are written out by the caller, whose
/// padding operation has its own gradient). A 1-D convolution is the case of one row.
///
/// - ∂x is a full correlation of the output gradient, spread out by the stride, with the
///   kernel flipped and its channel axes swapped, cropped to the input: it runs on the same
///   forward kernels as `conv2d` (blocked and vectorised, multi-threaded).
/// - ∂w is the correlation of the input with the output gradient: each weight sums
///   g[n, o, i, j] · x[n, c, i·s + q·d − p] over the batch and every output position, the sum
///   over all positions where the shared weight is used (Deep Learning §9.2).
/// - ∂b sums the output gradient over the batch and the positions.
struct ConvolutionGradient {
    /// Images in the batch (N).
    let batch: Int
    /// Input channels (C).
    let inputChannels: Int
    /// Output channels (O).
    let outputChannels: Int
    /// Channel groups.
    let groups: Int
    /// The vertical window (a single unit for 1-D).
    let rows: WindowAxis
    /// The horizontal window.
    let columns: WindowAxis

    var channelsPerGroup: Int { inputChannels / groups }
    var outputsPerGroup: Int { outputChannels / groups }

    /// ∂L/∂x for the output gradient `g` (N×O×Ho×Wo) and the weight (O×C/G×kH×kW): N×C×H×W.
    func inputGradient(_ g: Tensor, weight: Tensor, control: ExecutionControl) throws -> Tensor {
        let spread = try dilated(g, control: control)
        let kernel = try flippedTransposed(weight, control: control)
        let reach = [rows.reach, columns.reach]
        let options = ConvolutionOptions(
            stride: [1, 1], padding: .pairs(reach.map { Padding(before: $0, after: $0) }),
            dilation: [rows.dilation, columns.dilation], groups: groups)
        // Indexed by padded position from −before: (Ho − 1)·s + span positions per axis.
        let full = try spread.conv2d(weight: kernel, options: options, control: control)
        return try cropToInput(full, control: control)
    }

    /// The output gradient with stride − 1 zeros between neighbours along each axis (as it is
    /// when the stride is 1).
    private func dilated(_ g: Tensor, control: ExecutionControl) throws -> Tensor {
        guard rows.stride > 1 || columns.stride > 1 else { return g }
        let height = (rows.output - 1) * rows.stride + 1
        let width = (columns.output - 1) * columns.stride + 1
        let planes = batch * outputChannels
        let count = try Tensor.elementCount(of: [planes, height, width])
        try control.checkAllocation(count)
        var result = [Double](zeroedTensorStorage: count)
        g.scalars.withUnsafeBufferPointer { source in
            for plane in 0..<planes {
                for i in 0..<rows.output {
                    let target = (plane * height + i * rows.stride) * width
                    let from = (plane * rows.output + i) * columns.output
                    for j in 0..<columns.output { result[target + j * columns.stride] = source[from + j] }
                }
            }
        }
        return try Tensor(shape: [batch, outputChannels, height, width], scalars: result)
    }

    /// The weight for the input gradient: C × (O/G) × kH × kW, flipped along both spatial axes,
    /// input and output channels swapped within each group.
    private func flippedTransposed(_ weight: Tensor, control: ExecutionControl) throws -> Tensor {
        let taps = rows.kernel * columns.kernel
        let count = weight.count
        try control.checkAllocation(count)
        var result = [Double](zeroedTensorStorage: count)
        weight.scalars.withUnsafeBufferPointer { w in
            for o in 0..<outputChannels {
                let group = o / outputsPerGroup, local = o % outputsPerGroup
                for channel in 0..<channelsPerGroup {
                    let source = (o * channelsPerGroup + channel) * taps
                    let target = ((group * channelsPerGroup + channel) * outputsPerGroup + local) * taps
                    for tap in 0..<taps { result[target + taps - 1 - tap] = w[source + tap] }
                }
            }
        }
        return try Tensor(shape: [inputChannels, outputsPerGroup, rows.kernel, columns.kernel], scalars: result)
    }

    /// The input's part of a gradient indexed by padded position: the padding cropped off, and
    /// zeros for the input units past the last window (the tail a stride can leave unread).
    private func cropToInput(_ full: Tensor, control: ExecutionControl) throws -> Tensor {
        let height = full.shape[2], width = full.shape[3]
        // Without padding and with every input unit read, the full correlation is the input's size.
        if rows.padding.before == 0, columns.padding.before == 0, height == rows.input, width == columns.input {
            return full
        }
        let planes = batch * inputChannels
        let count = try Tensor.elementCount(of: [planes, rows.input, columns.input])
        try control.checkAllocation(count)
        var result = [Double](zeroedTensorStorage: count)
        let rowCount = max(0, min(rows.input, height - rows.padding.before))
        let columnCount = max(0, min(columns.input, width - columns.padding.before))
        full.scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                guard let source = source.baseAddress, let target = target.baseAddress, columnCount > 0 else { return }
                for plane in 0..<planes {
                    for row in 0..<rowCount {
                        (target + (plane * rows.input + row) * columns.input).update(
                            from: source + (plane * height + row + rows.padding.before) * width + columns.padding.before,
                            count: columnCount)
                    }
                }
            }
        }
        return try Tensor(shape: [batch, inputChannels, rows.input, columns.input], scalars: result)
    }

    /// ∂L/∂b: the output gradient summed over the batch and every position, one per channel.
    func biasGradient(_ g: Tensor, control: ExecutionControl) throws -> Tensor {
        let positions = rows.output * columns.output
        var result = [Double](repeating: 0, count: outputChannels)
        g.scalars.withUnsafeBufferPointer { source in
            guard let source = source.baseAddress else { return }
            for image in 0..<batch {
                for channel in 0..<outputChannels {
                    result[channel] += ConvolutionGradient.sum(source + (image * outputChannels + channel) * positions,
                                                               count: positions)
                }
            }
        }
        try control.checkInterrupt()
        return try Tensor(shape: [outputChannels], scalars: result)
    }

    /// The sum of `count` values in eight interleaved partial sums: one running total waits
    /// out the latency of every addition (the bias gradient took 3 % of an epoch of the small
    /// CNN under perf that way); eight independent ones keep the adder busy and vectorise.
    private static func sum(_ values: UnsafePointer<Double>, count: Int) -> Double {
        var partial = SIMD8<Double>()
        var index = 0
        while index + 8 <= count {
            partial += UnsafeRawPointer(values + index).loadUnaligned(as: SIMD8<Double>.self)
            index += 8
        }
        var total = partial.sum()
        while index < count {
            total += values[index]
            index += 1
        }
        return total
    }
}
