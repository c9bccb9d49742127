/// The multi-channel inner loop: four output channels times four output columns at a time,
/// summed over every input channel and tap in sixteen SIMD lanes, reading a padded input.
///
/// Each input value loaded feeds four output channels and each weight four columns, which is
/// what makes many-channel layers fast (the work of a GEMM without building an im2col matrix).
/// It needs stride 1 along the columns; rows may use any stride. Where the CPU has AVX2+FMA or
/// AVX-512, `kernel` runs the same sums in a C micro-kernel with wider vectors instead.
struct ChannelBlockCorrelator {
    /// Output channels computed together.
    static let blockSize = 4

    /// The plan being run.
    let plan: ConvolutionPlan
    /// The weights of each block of four output channels, interleaved so the four weights of
    /// one (input channel, tap) are adjacent, each stored twice so that one load gives a weight
    /// in both lanes of a register (SSE2 has no broadcast load); missing channels of a short
    /// last block are zero.
    let packedWeights: [Double]
    /// The instructions each row runs on.
    let kernel: BlockKernel

    /// Blocks of output channels per group.
    var blocksPerGroup: Int { (plan.outputsPerGroup + Self.blockSize - 1) / Self.blockSize }

    /// Interleaves the O×(C/groups)×kH×kW weights block by block.
    init(_ plan: ConvolutionPlan, weight: UnsafePointer<Double>, kernel: BlockKernel) {
        self.plan = plan
        self.kernel = kernel
        let reduction = plan.channelsPerGroup * plan.plane.kernelCount
        let blocks = plan.groups * ((plan.outputsPerGroup + Self.blockSize - 1) / Self.blockSize)
        var packed = [Double](repeating: 0, count: blocks * reduction * Self.blockSize * 2)
        for channel in 0..<plan.outputChannels {
            let group = channel / plan.outputsPerGroup
            let inGroup = channel % plan.outputsPerGroup
            let block = group * ((plan.outputsPerGroup + Self.blockSize - 1) / Self.blockSize) + inGroup / Self.blockSize
            for index in 0..<reduction {
                let slot = ((block * reduction + index) * Self.blockSize + inGroup % Self.blockSize) * 2
                packed[slot] = weight[channel * reduction + index]
                packed[slot + 1] = weight[channel * reduction + index]
            }
        }
        packedWeights = packed
    }

    /// The sums of four output channels (one vector each) for four adjacent columns.
    struct Sums {
        var channel0 = SIMD4<Double>()
        var channel1 = SIMD4<Double>()
        var channel2 = SIMD4<Double>()
        var channel3 = SIMD4<Double>()

        /// Channel `offset`'s vector.
        subscript(offset: Int) -> SIMD4<Double> {
            switch offset {
            case 0: return channel0
            case 1: return channel1
            case 2: return channel2
            default: return channel3
            }
        }
    }

    /// Writes output row `row` of block `block` (counted over all groups) of image `image`;
    /// `input` is the padded input's storage.
    func run(image: Int, block: Int, row: Int, padded: PaddedInput, input: UnsafePointer<Double>,
             weights: UnsafePointer<Double>, bias: [Double]?, output: UnsafeMutablePointer<Double>) {
        let geometry = plan.plane
        let width = geometry.columns.output
        let group = block / blocksPerGroup
        let firstChannel = group * plan.outputsPerGroup + (block % blocksPerGroup) * Self.blockSize
        let channels = min(Self.blockSize, (group + 1) * plan.outputsPerGroup - firstChannel)
        let firstInput = (image * plan.inputChannels + group * plan.channelsPerGroup) * padded.rows * padded.columns
        let source = input + firstInput + row * geometry.rows.stride * padded.columns
        let blockWeights = weights + block * plan.channelsPerGroup * geometry.kernelCount * Self.blockSize * 2
        if kernel != .portable {
            let firstOutput = output + ((image * plan.outputChannels + firstChannel) * geometry.rows.output + row) * width
            runVectorRow(source: source, padded: padded, weights: blockWeights, bias: bias,
                         firstChannel: firstChannel, channels: channels, output: firstOutput)
            return
        }
        var column = 0
        while column < width {
            let lanes = min(4, width - column)
            let sums = lanes == 4
                ? sumsOfFour(source + column, padded: padded, weights: blockWeights)
                : sumsOfFew(source + column, lanes: lanes, padded: padded, weights: blockWeights)
            for offset in 0..<channels {
                let channel = firstChannel + offset
                let start = bias?[channel] ?? 0
                let target = output + ((image * plan.outputChannels + channel) * geometry.rows.output + row) * width + column
                let vector = sums[offset]
                for lane in 0..<lanes { target[lane] = start + vector[lane] }
            }
            column += lanes
        }
    }

    /// The four channels' sums for four adjacent columns starting at `source`.
    @inline(__always)
    private func sumsOfFour(_ source: UnsafePointer<Double>, padded: PaddedInput, weights: UnsafePointer<Double>) -> Sums {
        let geometry = plan.plane
        var sums = Sums()
        var weight = weights
        let planeSize = padded.rows * padded.columns
        let rowStep = geometry.rows.dilation &* padded.columns
        let tapStep = geometry.columns.dilation &* MemoryLayout<Double>.stride
        for channel in 0..<plan.channelsPerGroup {
            var rowStart = source + channel &* planeSize
            for _ in 0..<geometry.rows.kernel {
                var values = UnsafeRawPointer(rowStart)
                for _ in 0..<geometry.columns.kernel {
                    let vector = values.loadUnaligned(as: SIMD4<Double>.self)
                    let pairs = UnsafeRawPointer(weight)
                    let weight0 = pairs.loadUnaligned(as: SIMD2<Double>.self)
                    sums.channel0 += vector * SIMD4(lowHalf: weight0, highHalf: weight0)
                    let weight1 = pairs.loadUnaligned(fromByteOffset: 16, as: SIMD2<Double>.self)
                    sums.channel1 += vector * SIMD4(lowHalf: weight1, highHalf: weight1)
                    let weight2 = pairs.loadUnaligned(fromByteOffset: 32, as: SIMD2<Double>.self)
                    sums.channel2 += vector * SIMD4(lowHalf: weight2, highHalf: weight2)
                    let weight3 = pairs.loadUnaligned(fromByteOffset: 48, as: SIMD2<Double>.self)
                    sums.channel3 += vector * SIMD4(lowHalf: weight3, highHalf: weight3)
                    weight += Self.blockSize * 2
                    values += tapStep
                }
                rowStart += rowStep
            }
        }
        return sums
    }

    /// The same sums for the last `lanes` (< 4) columns of a row: one column at a time, the
    /// four channels in the vector's lanes.
    private func sumsOfFew(_ source: UnsafePointer<Double>, lanes: Int, padded: PaddedInput,
                           weights: UnsafePointer<Double>) -> Sums {
        let geometry = plan.plane
        let planeSize = padded.rows * padded.columns
        var columns = [SIMD4<Double>](repeating: .zero, count: 4)
        for lane in 0..<lanes {
            var weight = weights
            for channel in 0..<plan.channelsPerGroup {
                for tapRow in 0..<geometry.rows.kernel {
                    let rowStart = source + lane + channel * planeSize + tapRow * geometry.rows.dilation * padded.columns
                    for tap in 0..<geometry.columns.kernel {
                        let channelWeights = UnsafeRawPointer(weight).loadUnaligned(as: SIMD8<Double>.self).evenHalf
                        columns[lane] += rowStart[tap * geometry.columns.dilation] * channelWeights
                        weight += Self.blockSize * 2
                    }
                }
            }
        }
        // Transpose: lanes of `columns[lane]` are channels; `Sums` wants columns in lanes.
        var sums = Sums()
        for lane in 0..<lanes {
            sums.channel0[lane] = columns[lane][0]
            sums.channel1[lane] = columns[lane][1]
            sums.channel2[lane] = columns[lane][2]
            sums.channel3[lane] = columns[lane][3]
        }
        return sums
    }
}
