import Testing
@testable import Tensors

// Every vector kernel the CPU has must give the portable Swift loops' sums. They add the same
// products in the same order but fuse each multiply-add, so each output may differ by a few
// roundings: 1e-12 × Σ|input|·|weight| (+|bias|) bounds that, while a wrong tap, column or
// channel (an error of the order of one product) breaks it.
private let relativeTolerance = 1e-12

/// One geometry of the blocked method: sizes, strides, dilations and paddings per axis.
struct BlockKernelCase: CustomStringConvertible {
    var batch = 1, inputChannels = 4, outputChannels = 4, groups = 1
    var height = 5, width = 9, kernelRows = 3, kernelColumns = 3
    var rowStride = 1, rowDilation = 1, columnDilation = 1, padding = 1

    var description: String {
        "N\(batch) C\(inputChannels) O\(outputChannels) g\(groups) \(height)×\(width) k\(kernelRows)×\(kernelColumns) s\(rowStride) d\(rowDilation)/\(columnDilation) p\(padding)"
    }

    func plan(_ kernel: BlockKernel) -> ConvolutionPlan {
        func axis(_ input: Int, _ size: Int, _ stride: Int, _ dilation: Int) -> WindowAxis {
            // Every case's window fits its padded input.
            WindowAxis(input: input, kernel: size, stride: stride, dilation: dilation, padding: .symmetric(padding))!
        }
        let plane = WindowPlane(rows: axis(height, kernelRows, rowStride, rowDilation),
                                columns: axis(width, kernelColumns, 1, columnDilation))
        return ConvolutionPlan(batch: batch, inputChannels: inputChannels, outputChannels: outputChannels,
                               groups: groups, plane: plane, multipliesPadding: true, blockKernel: kernel)
    }
}

/// Reproducible values in [-1, 1).
private func values(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 52) - 1
    }
}

private let blockKernelCases: [BlockKernelCase] = {
    var all = (1...20).map { BlockKernelCase(width: $0) }
    all += [56, 61, 100, 131].map { BlockKernelCase(inputChannels: 16, outputChannels: 8, height: 3, width: $0) }
    all.append(BlockKernelCase(batch: 2, inputChannels: 3, outputChannels: 7, width: 23))
    all.append(BlockKernelCase(inputChannels: 6, outputChannels: 8, groups: 2, width: 17))
    all.append(BlockKernelCase(height: 9, width: 29, rowStride: 2, rowDilation: 2, columnDilation: 3, padding: 3))
    all.append(BlockKernelCase(height: 4, width: 50, kernelRows: 1, kernelColumns: 5, padding: 0))
    return all
}()

// One test per vector kernel, so that a CPU without it records a skip instead of passing a
// test that compared nothing.
@Test(.enabled(if: BlockKernel.available.contains(.avx2FMA), "this CPU has no AVX2+FMA: the portable loops run instead"),
      arguments: blockKernelCases)
func avx2KernelMatchesThePortableLoops(_ item: BlockKernelCase) throws {
    try expectAgreement(.avx2FMA, item)
}

@Test(.enabled(if: BlockKernel.available.contains(.avx512), "this CPU has no AVX-512F: the AVX2 or portable loops run instead"),
      arguments: blockKernelCases)
func avx512KernelMatchesThePortableLoops(_ item: BlockKernelCase) throws {
    try expectAgreement(.avx512, item)
}

/// `kernel`'s output for `item` agrees with the portable loops' within the tolerance above.
private func expectAgreement(_ kernel: BlockKernel, _ item: BlockKernelCase) throws {
    let portable = item.plan(.portable)
    let input = values(item.batch * item.inputChannels * item.height * item.width, seed: 1)
    let weight = values(item.outputChannels * portable.channelsPerGroup * item.kernelRows * item.kernelColumns, seed: 2)
    let bias = values(item.outputChannels, seed: 3)
    #expect(portable.usesChannelBlocks)
    let expected = try portable.run(input: input, weight: weight, bias: bias, control: .fresh)
    let scale = Double(portable.channelsPerGroup * item.kernelRows * item.kernelColumns) + 1
    let actual = try item.plan(kernel).run(input: input, weight: weight, bias: bias, control: .fresh)
    #expect(actual.count == expected.count, "\(kernel) \(item)")
    let difference = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
    #expect(difference <= relativeTolerance * scale, "\(kernel) \(item): difference \(difference)")
}

// A small unit-stride plane read as one long row (`ConvolutionPlan.flattensPlanes`) adds the
// same products in the same order as row by row, so the two layouts agree exactly; the cases
// cover one to many vectors a row, padding, dilation, groups, a short last block of channels
// and batches (only the vector kernels flatten).
@Test(.enabled(if: BlockKernel.best != .portable, "this CPU has no vector kernel: planes are never flattened"),
      arguments: blockKernelCases.filter { $0.rowStride == 1 })
func flattenedPlanesMatchRowByRow(_ item: BlockKernelCase) throws {
    for kernel in BlockKernel.available where kernel != .portable {
        var rows = item.plan(kernel)
        rows.flattensSmallPlanes = false
        let flat = item.plan(kernel)
        let input = values(item.batch * item.inputChannels * item.height * item.width, seed: 4)
        let weight = values(item.outputChannels * rows.channelsPerGroup * item.kernelRows * item.kernelColumns, seed: 5)
        let bias = values(item.outputChannels, seed: 6)
        let expected = try rows.run(input: input, weight: weight, bias: bias, control: .fresh)
        let actual = try flat.run(input: input, weight: weight, bias: bias, control: .fresh)
        #expect(actual == expected, "\(kernel) \(item) (flattened: \(flat.flattensPlanes))")
    }
}

@Test func smallUnitStridePlanesAreFlattenedAndWideOnesAreNot() {
    // With AVX-512 the small CNN's layers flatten; a 56-wide padded layer keeps its row tiles,
    // and a row stride of 2 cannot flatten. The portable loops never do.
    func flattens(_ item: BlockKernelCase, _ kernel: BlockKernel = .avx512) -> Bool { item.plan(kernel).flattensPlanes }
    #expect(flattens(BlockKernelCase(inputChannels: 1, outputChannels: 8, height: 28, width: 28, padding: 0)))
    #expect(flattens(BlockKernelCase(inputChannels: 8, outputChannels: 16, height: 13, width: 13, padding: 0)))
    #expect(!flattens(BlockKernelCase(inputChannels: 64, outputChannels: 64, height: 56, width: 56, padding: 1)))
    #expect(!flattens(BlockKernelCase(height: 9, width: 29, rowStride: 2, padding: 1)))
    #expect(!flattens(BlockKernelCase(inputChannels: 1, outputChannels: 8, height: 28, width: 28, padding: 0), .portable))
}
