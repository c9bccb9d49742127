import Testing
@testable import Tensors

// The direct method (fewer than four output channels per group: every signal-processing
// `correlate` and `convolve`) sums each interior output in a C kernel at the CPU's widest level.
// Every level adds the same rounded products in the same order from 0, with no fused
// multiply-add, so all levels agree bit for bit; and each agrees with a plain scalar sum within
// the roundings of a different order: 1e-12 × Σ|input|·|weight| (+|bias|), while a wrong tap,
// column or channel (an error of the order of one product) breaks it.
private let relativeTolerance = 1e-12

/// One geometry of the direct method.
struct DirectKernelCase: CustomStringConvertible {
    var batch = 1, inputChannels = 1, outputChannels = 1
    var height = 5, width = 9, kernelRows = 3, kernelColumns = 3
    var rowStride = 1, columnStride = 1, rowDilation = 1, columnDilation = 1, padding = 1

    var description: String {
        "N\(batch) C\(inputChannels) O\(outputChannels) \(height)×\(width) k\(kernelRows)×\(kernelColumns) "
            + "s\(rowStride)/\(columnStride) d\(rowDilation)/\(columnDilation) p\(padding)"
    }

    var plane: WindowPlane {
        // Every case's window fits its padded input.
        WindowPlane(rows: WindowAxis(input: height, kernel: kernelRows, stride: rowStride, dilation: rowDilation,
                                     padding: .symmetric(padding))!,
                    columns: WindowAxis(input: width, kernel: kernelColumns, stride: columnStride,
                                        dilation: columnDilation, padding: .symmetric(padding))!)
    }

    func plan(_ kernel: VectorKernel) -> ConvolutionPlan {
        var plan = ConvolutionPlan(batch: batch, inputChannels: inputChannels, outputChannels: outputChannels,
                                   groups: 1, plane: plane, multipliesPadding: false)
        plan.directKernel = kernel
        return plan
    }
}

private let directKernelCases: [DirectKernelCase] = {
    // Widths around the vector and tile sizes (2, 4, 8 lanes; tiles of 4 vectors), and beyond
    // the 512-column tiles the rows are split into.
    var all = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 63, 64, 65, 100, 530, 1100].map {
        DirectKernelCase(width: $0)
    }
    all.append(DirectKernelCase(height: 12, width: 70, kernelRows: 7, kernelColumns: 7, padding: 3))
    all.append(DirectKernelCase(height: 9, width: 45, rowDilation: 2, columnDilation: 3, padding: 4))
    all.append(DirectKernelCase(height: 9, width: 45, rowStride: 2, columnStride: 2, padding: 1))
    all.append(DirectKernelCase(batch: 2, inputChannels: 3, outputChannels: 2, height: 6, width: 37))
    all.append(DirectKernelCase(height: 1, width: 200, kernelRows: 1, kernelColumns: 5, padding: 0))
    all.append(DirectKernelCase(height: 4, width: 20, kernelRows: 2, kernelColumns: 4, padding: 0))
    return all
}()

/// Reproducible values in [-1, 1).
private func values(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 52) - 1
    }
}

/// The correlation summed one output at a time, padding skipped.
private func reference(_ item: DirectKernelCase, input: [Double], weight: [Double], bias: [Double]) -> [Double] {
    let plane = item.plane
    let (rows, columns) = (plane.rows, plane.columns)
    var result: [Double] = []
    for image in 0..<item.batch {
        for channel in 0..<item.outputChannels {
            for row in 0..<rows.output {
                for column in 0..<columns.output {
                    var sum = bias[channel]
                    for source in 0..<item.inputChannels {
                        for tapRow in rows.tapsInside(output: row) {
                            for tapColumn in columns.tapsInside(output: column) {
                                let y = rows.position(output: row, tap: tapRow)
                                let x = columns.position(output: column, tap: tapColumn)
                                sum += input[((image * item.inputChannels + source) * rows.input + y) * columns.input + x]
                                    * weight[((channel * item.inputChannels + source) * rows.kernel + tapRow)
                                        * columns.kernel + tapColumn]
                            }
                        }
                    }
                    result.append(sum)
                }
            }
        }
    }
    return result
}

@Test(arguments: directKernelCases)
func everyDirectKernelLevelGivesTheSameSums(_ item: DirectKernelCase) throws {
    let input = values(item.batch * item.inputChannels * item.height * item.width, seed: 7)
    let weight = values(item.outputChannels * item.inputChannels * item.kernelRows * item.kernelColumns, seed: 8)
    let bias = values(item.outputChannels, seed: 9)
    let expected = reference(item, input: input, weight: weight, bias: bias)
    let scale = Double(item.inputChannels * item.kernelRows * item.kernelColumns) + 1
    let portable = try item.plan(.portable).run(input: input, weight: weight, bias: bias, control: .fresh)
    #expect(!item.plan(.portable).usesChannelBlocks)
    #expect(portable.count == expected.count, "\(item)")
    let difference = zip(portable, expected).map { abs($0 - $1) }.max() ?? 0
    #expect(difference <= relativeTolerance * scale, "\(item): difference \(difference) from the scalar sums")
    for kernel in VectorKernel.available where kernel != .portable {
        let actual = try item.plan(kernel).run(input: input, weight: weight, bias: bias, control: .fresh)
        #expect(actual == portable, "\(kernel) \(item)")
    }
}
