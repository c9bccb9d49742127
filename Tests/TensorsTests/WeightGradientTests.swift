import Testing
@testable import Tensors

/// Every weight-gradient kernel the CPU has agrees with a direct sum over the definition:
/// ∂w[o, c, a, b] = Σ g[n, o, i, j] · x[n, group·C/G + c, i·sr − pr + a·dr, j·sc − pc + b·dc].
// Tolerance: 1e-12 × Σ|g|·|x| over the terms of the weight: each kernel sums the same terms in
// another order, so they agree within (terms)·2^-53 of that sum (a few thousand terms here); a
// misplaced index or a lost tail changes a weight by a whole term.
@Test(arguments: [
    ([2, 4, 7, 9], [6, 2, 3, 3], 2, [1, 1], [1, 1], [1, 1]),
    ([1, 3, 6, 21], [5, 3, 2, 5], 1, [2, 1], [1, 2], [0, 2]),
    ([3, 2, 5, 13], [3, 2, 1, 7], 1, [1, 1], [2, 1], [1, 3]),
    ([1, 6, 8, 8], [9, 2, 3, 2], 3, [2, 3], [1, 1], [2, 1]),
])
func weightGradientKernelsAgreeWithTheDefinition(
    _ inputShape: [Int], _ weightShape: [Int], _ groups: Int, _ stride: [Int], _ dilation: [Int], _ padding: [Int]
) throws {
    let control = ExecutionControl()
    var generator = RandomGenerator(seed: 7)
    let x = try Tensor.random(inputShape, using: &generator, control: control)
    let window = try WindowOptions(stride: stride, padding: .widths(padding), dilation: dilation)
        .window(kernelShape: Array(weightShape.suffix(2)), name: "test")
    let axes = try window.axes(input: Array(inputShape.suffix(2)), name: "test")
    let g = try Tensor.random([inputShape[0], weightShape[0], axes[0].output, axes[1].output], using: &generator,
                              control: control)
    let (expected, scale) = direct(x, g, weightShape, groups, axes)
    for kernel in BlockKernel.available {
        let result = try x.correlationWeightGradient(outputGradient: g, groups: groups, rows: axes[0], columns: axes[1],
                                                     kernel: kernel, control: control)
        #expect(result.shape == weightShape)
        for index in 0..<expected.count {
            #expect(abs(result.scalars[index] - expected[index]) <= 1e-12 * scale[index], "\(kernel) weight \(index)")
        }
    }
}

/// The definition, term by term, and each weight's sum of |terms|.
private func direct(_ x: Tensor, _ g: Tensor, _ weightShape: [Int], _ groups: Int,
                    _ axes: [WindowAxis]) -> ([Double], [Double]) {
    let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let outputs = g.shape[1], perGroup = channels / groups, outputsPerGroup = outputs / groups
    var result = [Double](repeating: 0, count: weightShape.reduce(1, *))
    var scale = result
    for o in 0..<outputs {
        for c in 0..<perGroup {
            let channel = (o / outputsPerGroup) * perGroup + c
            for a in 0..<weightShape[2] {
                for b in 0..<weightShape[3] {
                    let index = ((o * perGroup + c) * weightShape[2] + a) * weightShape[3] + b
                    for n in 0..<batch {
                        for i in 0..<axes[0].output {
                            for j in 0..<axes[1].output {
                                let row = axes[0].position(output: i, tap: a), column = axes[1].position(output: j, tap: b)
                                guard row >= 0, row < height, column >= 0, column < width else { continue }
                                let term = g.scalars[((n * outputs + o) * axes[0].output + i) * axes[1].output + j]
                                    * x.scalars[((n * channels + channel) * height + row) * width + column]
                                result[index] += term
                                scale[index] += abs(term)
                            }
                        }
                    }
                }
            }
        }
    }
    return (result, scale)
}
