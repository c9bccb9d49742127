/// A validated multi-channel cross-correlation: N×C planes in, N×O planes out, with weights
/// O×(C/groups)×kernel and an optional bias per output channel (torch's layout).
///
/// The signal-processing convolutions are the case N = C = O = 1. The padding holds zeros
/// (other fills are written out by the caller first).
struct ConvolutionPlan: Sendable {
    /// Images in the batch.
    var batch: Int
    /// Input channels C.
    var inputChannels: Int
    /// Output channels O.
    var outputChannels: Int
    /// Channel groups; each output channel sees C / groups input channels.
    var groups: Int
    /// The per-plane geometry.
    var plane: WindowPlane
    /// Whether the padding's zeros are multiplied by the weights, as torch does (it pads, then
    /// multiplies: an infinite or NaN weight over the padding gives NaN), or skipped, as scipy's
    /// direct method does (it sums only where input and kernel overlap). The two differ only
    /// for weights that are not finite.
    var multipliesPadding: Bool
    /// The instructions of the blocked method (tests compare every kernel the CPU has).
    var blockKernel = BlockKernel.best
    /// The instructions of the direct method's interior columns (tests compare every level).
    var directKernel = VectorKernel.best
    /// Whether the vector kernels may read small unit-stride planes as one long row (tests turn
    /// it off to compare the two layouts).
    var flattensSmallPlanes = true

    /// Output columns handled together, so a tile of a long row stays in the L1 cache while
    /// every tap is added to it.
    static let tileWidth = 512

    /// Input channels per group.
    var channelsPerGroup: Int { inputChannels / groups }
    /// Output channels per group.
    var outputsPerGroup: Int { outputChannels / groups }

    /// Runs the correlation; `input` is N×C×H×W, `weight` O×(C/groups)×kH×kW, `bias` O values.
    func run(input: [Double], weight: [Double], bias: [Double]?, control: ExecutionControl) throws -> [Double] {
        let count = try Tensor.elementCount(of: [batch, outputChannels, plane.rows.output, plane.columns.output])
        try control.checkAllocation(count)
        guard count > 0 else { return [] }
        var result = try [Double](tensorStorageCapacity: count) { buffer, initialized in
            guard let output = buffer.baseAddress else { return }
            try input.withUnsafeBufferPointer { inputBuffer in
                try weight.withUnsafeBufferPointer { weightBuffer in
                    guard let inputBase = inputBuffer.baseAddress,
                          let weightBase = weightBuffer.baseAddress else { return }
                    if usesChannelBlocks {
                        try runBlocked(input: inputBase, weight: weightBase, bias: bias, output: output, control: control)
                    } else {
                        try runDirect(input: inputBase, weight: weightBase, bias: bias, output: output, control: control)
                    }
                }
            }
            initialized = count
        }
        // The blocked method reads a zero-padded copy, so it multiplies the padding already.
        if multipliesPadding && !usesChannelBlocks && !weight.allSatisfy(\.isFinite) {
            poisonPaddedOutputs(&result, weight: weight)
        }
        return result
    }

    /// Sets to NaN every output where a weight that is not finite lands on the padding, which
    /// the direct method skipped: there torch adds weight × 0 = NaN. Runs only for such weights.
    private func poisonPaddedOutputs(_ result: inout [Double], weight: [Double]) {
        let rows = plane.rows
        let columns = plane.columns
        for channel in 0..<outputChannels {
            // The taps (row, column) whose weight is not finite for some input channel.
            var taps: [(row: Int, column: Int)] = []
            for tapRow in 0..<rows.kernel {
                for tapColumn in 0..<columns.kernel {
                    let tap = tapRow * columns.kernel + tapColumn
                    let poisoned = (0..<channelsPerGroup).contains { offset in
                        !weight[(channel * channelsPerGroup + offset) * plane.kernelCount + tap].isFinite
                    }
                    if poisoned { taps.append((tapRow, tapColumn)) }
                }
            }
            guard !taps.isEmpty else { continue }
            for image in 0..<batch {
                let first = (image * outputChannels + channel) * plane.outputCount
                for row in 0..<rows.output {
                    for column in 0..<columns.output where taps.contains(where: { tap in
                        !rows.tapsInside(output: row).contains(tap.row) || !columns.tapsInside(output: column).contains(tap.column)
                    }) {
                        result[first + row * columns.output + column] = .nan
                    }
                }
            }
        }
    }

    /// Whether the four-channel blocked kernel applies: unit stride along the columns and at
    /// least a full block of output channels per group (fewer would waste its lanes).
    var usesChannelBlocks: Bool {
        plane.columns.stride == 1 && outputsPerGroup >= ChannelBlockCorrelator.blockSize
    }

    /// Whether the C micro-kernel runs over each plane as one long row
    /// (`ChannelBlockCorrelator.runVectorPlane`) rather than row by row: with unit strides, when
    /// that computes no more vector lanes, throwaway columns included, than the rows' partly
    /// filled last vectors do (and then it makes one call where the rows made H′). It does for the small planes of small networks (26 of 28
    /// columns: 728 lanes a plane instead of 832 with AVX-512; 11 of 13: 144 instead of 176),
    /// not for wide ones (56 of 58: 3,248 instead of 3,136), whose row tiles stay as tuned.
    var flattensPlanes: Bool {
        guard flattensSmallPlanes, blockKernel != .portable, plane.rows.stride == 1, plane.columns.stride == 1 else {
            return false
        }
        let lanes = blockKernel == .avx512 ? 8 : 4
        func vectors(_ count: Int) -> Int { (count + lanes - 1) / lanes }
        let paddedWidth = plane.columns.paddedExtent
        let length = (plane.rows.output - 1) * paddedWidth + plane.columns.output
        return vectors(length) <= plane.rows.output * vectors(plane.columns.output)
    }

    /// The blocked method: each work unit is one output row of four output channels, or the
    /// whole plane of four output channels when `flattensPlanes`.
    private func runBlocked(input: UnsafePointer<Double>, weight: UnsafePointer<Double>, bias: [Double]?,
                            output: UnsafeMutablePointer<Double>, control: ExecutionControl) throws {
        let padded = try PaddedInput(input, planes: batch * inputChannels, geometry: plane, control: control)
        let correlator = ChannelBlockCorrelator(self, weight: weight, kernel: blockKernel)
        let height = plane.rows.output
        let blocks = groups * correlator.blocksPerGroup
        if flattensPlanes {
            let length = (height - 1) * padded.columns + plane.columns.output
            let cost = channelsPerGroup * plane.kernelCount * ChannelBlockCorrelator.blockSize * length
            try padded.scalars.withUnsafeBufferPointer { paddedBuffer in
                try correlator.packedWeights.withUnsafeBufferPointer { weightBuffer in
                    guard let paddedBase = paddedBuffer.baseAddress, let weights = weightBuffer.baseAddress else { return }
                    try ParallelLoop.run("conv", units: batch * blocks, costPerUnit: cost, control: control) { units in
                        // Each chunk's own scratch rows; the kernel writes every element it reads.
                        var scratch = [Double](repeating: 0, count: ChannelBlockCorrelator.blockSize * length)
                        scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                            guard let scratchBase = scratchBuffer.baseAddress else { return }
                            for unit in units {
                                correlator.runVectorPlane(image: unit / blocks, block: unit % blocks, padded: padded,
                                                          input: paddedBase, weights: weights, bias: bias,
                                                          scratch: scratchBase, output: output)
                            }
                        }
                    }
                }
            }
            return
        }
        let cost = channelsPerGroup * plane.kernelCount * ChannelBlockCorrelator.blockSize * plane.columns.output
        try padded.scalars.withUnsafeBufferPointer { paddedBuffer in
            try correlator.packedWeights.withUnsafeBufferPointer { weightBuffer in
                guard let paddedBase = paddedBuffer.baseAddress, let weights = weightBuffer.baseAddress else { return }
                try ParallelLoop.run("conv", units: batch * blocks * height, costPerUnit: cost, control: control) { units in
                    for unit in units {
                        correlator.run(image: unit / (blocks * height), block: (unit / height) % blocks,
                                       row: unit % height, padded: padded, input: paddedBase,
                                       weights: weights, bias: bias, output: output)
                    }
                }
            }
        }
    }

    /// The direct method: each work unit is one tile of one output row of one output channel.
    private func runDirect(input: UnsafePointer<Double>, weight: UnsafePointer<Double>, bias: [Double]?,
                           output: UnsafeMutablePointer<Double>, control: ExecutionControl) throws {
        let correlator = PlaneCorrelator(plane, kernel: directKernel)
        let width = plane.columns.output
        let height = plane.rows.output
        let tiles = (width + Self.tileWidth - 1) / Self.tileWidth
        let unitsPerPlane = height * tiles
        let cost = channelsPerGroup * plane.kernelCount * min(width, Self.tileWidth)
        try ParallelLoop.run("conv", units: batch * outputChannels * unitsPerPlane, costPerUnit: cost, control: control) { units in
            for unit in units {
                let planeIndex = unit / unitsPerPlane
                let row = (unit % unitsPerPlane) / tiles
                let tile = unit % tiles
                let columns = (tile * Self.tileWidth)..<min(width, (tile + 1) * Self.tileWidth)
                let image = planeIndex / outputChannels
                let channel = planeIndex % outputChannels
                let outputRow = output + (planeIndex * height + row) * width
                let start = bias?[channel] ?? 0
                let firstInput = image * inputChannels + (channel / outputsPerGroup) * channelsPerGroup
                for offset in 0..<channelsPerGroup {
                    correlator.accumulate(
                        row: row, columns: columns,
                        input: input + (firstInput + offset) * plane.inputCount,
                        kernel: weight + (channel * channelsPerGroup + offset) * plane.kernelCount,
                        into: outputRow, startingAt: offset == 0 ? start : nil)
                }
            }
        }
    }
}
