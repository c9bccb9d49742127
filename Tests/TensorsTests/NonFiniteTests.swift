import Testing
@testable import Tensors

// NaN and ±infinity through every convolution and pooling path, against direct loops written
// from the two libraries' definitions:
// - torch (conv1d/conv2d, layers) pads with zeros and then multiplies, so a weight that is not
//   finite over the padding gives NaN (inf · 0); max pooling lets NaN win (`val > max ||
//   isnan(val)`) and never picks the padding; average pooling sums the window, NaN and
//   infinities as they come, and divides by its full size.
// - scipy's direct convolve/correlate sums only where input and kernel overlap, so the padding
//   is never multiplied.
// Values are small integers, NaN and ±inf, so every finite sum is exact in any order and the
// comparison is exact (NaN equal to NaN).

/// Small integers with about one value in twenty replaced by NaN, +inf or -inf.
private func values(_ count: Int, _ random: inout LayerTestRandom, nonFinite: Bool = true) -> [Double] {
    (0..<count).map { _ in
        switch nonFinite ? random.integer(0...59) : 5 {
        case 0: return .nan
        case 1: return .infinity
        case 2: return -.infinity
        default: return Double(random.integer(-3...3))
        }
    }
}

/// Equal, with NaN equal to NaN.
private func same(_ actual: [Double], _ expected: [Double]) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// The cross-correlation of one C×H×W image with O×C×kH×kW weights on `plane`, by definition:
/// taps on the padding add weight × 0 when `multipliesPadding` (torch), nothing otherwise (scipy).
private func referenceCorrelation(_ input: [Double], _ weight: [Double], channels: Int, outChannels: Int,
                                  plane: WindowPlane, multipliesPadding: Bool) -> [Double] {
    let (rows, columns) = (plane.rows, plane.columns)
    var result: [Double] = []
    for output in 0..<outChannels {
        for row in 0..<rows.output {
            for column in 0..<columns.output {
                var sum = 0.0
                for channel in 0..<channels {
                    for tapRow in 0..<rows.kernel {
                        for tapColumn in 0..<columns.kernel {
                            let w = weight[((output * channels + channel) * rows.kernel + tapRow) * columns.kernel + tapColumn]
                            let (y, x) = (rows.position(output: row, tap: tapRow), columns.position(output: column, tap: tapColumn))
                            if (0..<rows.input).contains(y) && (0..<columns.input).contains(x) {
                                sum += w * input[(channel * rows.input + y) * columns.input + x]
                            } else if multipliesPadding {
                                sum += w * 0
                            }
                        }
                    }
                }
                result.append(sum)
            }
        }
    }
    return result
}

/// conv2d's geometry for a 3×3 kernel with `padding` and `stride` on an H×W image.
private func plane(height: Int, width: Int, kernel: Int = 3, padding: Int, stride: Int) -> WindowPlane {
    WindowPlane(rows: WindowAxis(input: height, kernel: kernel, stride: stride, padding: .symmetric(padding))!,
                columns: WindowAxis(input: width, kernel: kernel, stride: stride, padding: .symmetric(padding))!)
}

@Test(arguments: [
    // (output channels, width, stride): fewer than four channels or a column stride run the
    // direct method (SIMD interior of 16 columns, border and strided taps one by one); four or
    // more with stride 1 the blocked method (C micro-kernel, or the Swift loops with their
    // tail of fewer than four columns).
    (1, 41, 1), (3, 40, 2), (2, 7, 1), (4, 23, 1), (8, 9, 1), (4, 37, 2),
])
func conv2dFollowsTorchWithNaNAndInfinity(_ item: (outChannels: Int, width: Int, stride: Int)) throws {
    var random = LayerTestRandom(seed: UInt64(item.outChannels * 100 + item.width))
    let channels = 2
    let geometry = plane(height: 5, width: item.width, padding: 1, stride: item.stride)
    for _ in 0..<20 {
        let input = values(channels * 5 * item.width, &random)
        let weight = values(item.outChannels * channels * 9, &random)
        let expected = referenceCorrelation(input, weight, channels: channels, outChannels: item.outChannels,
                                            plane: geometry, multipliesPadding: true)
        let result = try makeTensor([channels, 5, item.width], input).conv2d(
            weight: makeTensor([item.outChannels, channels, 3, 3], weight),
            options: ConvolutionOptions(stride: [item.stride], padding: .widths([1])), control: .fresh)
        #expect(same(result.scalars, expected), "O \(item.outChannels) W \(item.width) s \(item.stride)")
        // Every blocked kernel this CPU has (the Swift loops always), not only the best one.
        for kernel in BlockKernel.available where item.outChannels >= 4 && item.stride == 1 {
            let plan = ConvolutionPlan(batch: 1, inputChannels: channels, outputChannels: item.outChannels, groups: 1,
                                       plane: geometry, multipliesPadding: true, blockKernel: kernel)
            #expect(same(try plan.run(input: input, weight: weight, bias: nil, control: .fresh), expected), "\(kernel)")
        }
    }
}

@Test func signalConvolutionFollowsScipyWithNaNAndInfinity() throws {
    var random = LayerTestRandom(seed: 140)
    for _ in 0..<60 {
        let rank = random.integer(1...2)
        let shape = rank == 1 ? [random.integer(1...45)] : [random.integer(1...6), random.integer(1...40)]
        let kernelShape = shape.map { _ in random.integer(1...4) }
        let input = values(shape.reduce(1, *), &random)
        let kernel = values(kernelShape.reduce(1, *), &random)
        for mode in SignalMode.allCases where mode != .valid || zip(shape, kernelShape).allSatisfy({ $0 >= $1 }) {
            let axes = zip(shape, kernelShape).map { WindowAxis(input: $0, kernel: $1, padding: mode.padding(input: $0, kernel: $1))! }
            let geometry = WindowPlane(axes)
            let correlated = referenceCorrelation(input, kernel, channels: 1, outChannels: 1, plane: geometry,
                                                  multipliesPadding: false)
            let convolved = referenceCorrelation(input, kernel.reversed(), channels: 1, outChannels: 1, plane: geometry,
                                                 multipliesPadding: false)
            let x = makeTensor(shape, input), k = makeTensor(kernelShape, kernel)
            #expect(same(try x.correlated(with: k, mode: mode, control: .fresh).scalars, correlated), "\(shape) \(kernelShape) \(mode)")
            #expect(same(try x.convolved(with: k, mode: mode, control: .fresh).scalars, convolved), "\(shape) \(kernelShape) \(mode)")
        }
    }
    // scipy.signal.correlate([1, 2, 3, 4], [inf, 1, 1], "full") == [1, 3, inf, inf, inf, inf]:
    // the infinite weight never meets the padding.
    let full = try makeTensor([4], [1, 2, 3, 4]).correlated(with: makeTensor([3], [.infinity, 1, 1]), mode: .full,
                                                          control: .fresh)
    #expect(full.scalars == [1, 3, .infinity, .infinity, .infinity, .infinity])
}

@Test func layersFollowTorchWithNaNAndInfinity() throws {
    var random = LayerTestRandom(seed: 141)
    for _ in 0..<40 {
        let (channels, outChannels) = (random.integer(1...2), random.integer(1...5))
        let width = random.integer(3...30)
        let weight = values(outChannels * channels * 9, &random)
        let input = values(channels * 4 * width, &random)
        var specification = LayerSpecification(kernel: .weights(makeTensor([outChannels, channels, 3, 3], weight)))
        specification.window = WindowOptions(padding: .pairs([Padding(before: 1, after: 2), .symmetric(1)]))
        let geometry = WindowPlane(rows: WindowAxis(input: 4, kernel: 3, padding: Padding(before: 1, after: 2))!,
                                   columns: WindowAxis(input: width, kernel: 3, padding: .symmetric(1))!)
        let expected = referenceCorrelation(input, weight, channels: channels, outChannels: outChannels, plane: geometry,
                                            multipliesPadding: true)
        let x = makeTensor([channels, 4, width], input)
        // Shared (the convolution plan), unshared and tiled (the direct loops; every copy starts
        // as the given kernel).
        for sharing in [ConvolutionLayer.Sharing.shared, .unshared, .tiled(period: 2)] {
            let layer = try specification.convolution(sharing: sharing)
            #expect(same(try layer(x, control: .fresh).scalars, expected), "\(layer.summary) W \(width)")
        }
    }
}

@Test func matrixProductsAndEveryFillPropagateNaNAndInfinityLikeTheLayer() throws {
    var random = LayerTestRandom(seed: 142)
    for _ in 0..<30 {
        let width = random.integer(2...12)
        var specification = LayerSpecification(kernel: .weights(makeTensor([2, 3], values(6, &random, nonFinite: false))))
        let fill = PaddingMode.allCases[random.integer(0...3)]
        specification.window = WindowOptions(padding: .widths([1]), fill: fill)
        let layer = try specification.convolution()
        // A fill that folds the padding can read an input twice in one window; the matrix then
        // holds the sum of the two weights, and (w₁ + w₂)·inf differs from w₁·inf + w₂·inf
        // (2·inf − inf is NaN), so non-finite inputs are compared with zero padding only.
        let x = makeTensor([3, width], values(3 * width, &random, nonFinite: fill == .zero))
        let product = try layer.matrix(input: [3, width], control: .fresh).multiply(x.flattened(), control: .fresh)
        let applied = try layer(x, control: .fresh)
        #expect(same(product.scalars, applied.scalars), "\(layer.summary) W \(width)")
        // Any fill is the input padded as `pad` does, then correlated without padding.
        let padded = try x.padded([(1, 1)], mode: fill, control: .fresh)
        if case .convolution(let convolution) = layer {
            let weights = try convolution.sharedKernel(control: .fresh)
            let expected = try padded.correlated(with: weights.reshaped([2, 3]), control: .fresh)
            #expect(isClose(applied, expected.shape, expected.scalars, tolerance: 0), "\(layer.summary) W \(width)")
        }
    }
    // An infinite weight: the matrix has no entry for the padding, so, unlike the layer (torch
    // multiplies the padding's zeros), its product stays finite at the border.
    var edge = LayerSpecification(kernel: .weights(makeTensor([3], [.infinity, 1, 1])))
    edge.window = WindowOptions(padding: .widths([1]))
    let layer = try edge.convolution()
    let x = makeTensor([3], [1, 2, 3])
    #expect(try layer.matrix(input: [3], control: .fresh).multiply(x, control: .fresh).scalars == [3, .infinity, .infinity])
    #expect(same(try layer(x, control: .fresh).scalars, [.nan, .infinity, .infinity]))
}

/// Max or average pooling by definition, padding never read (the average divides by the full window).
private func referencePooling(_ input: [Double], planes: Int, plane: WindowPlane, kind: PoolingLayer.Kind) -> [Double] {
    let (rows, columns) = (plane.rows, plane.columns)
    var result: [Double] = []
    for index in 0..<planes {
        for row in 0..<rows.output {
            for column in 0..<columns.output {
                var window: [Double] = []
                for tapRow in rows.tapsInside(output: row) {
                    for tapColumn in columns.tapsInside(output: column) {
                        let (y, x) = (rows.position(output: row, tap: tapRow), columns.position(output: column, tap: tapColumn))
                        window.append(input[(index * rows.input + y) * columns.input + x])
                    }
                }
                switch kind {
                case .max: result.append(window.contains { $0.isNaN } ? .nan : window.max() ?? -.infinity)
                case .average: result.append(window.reduce(0, +) / Double(plane.kernelCount))
                }
            }
        }
    }
    return result
}

@Test func poolingFollowsTorchWithNaNAndInfinity() throws {
    var random = LayerTestRandom(seed: 143)
    for _ in 0..<80 {
        let (size, stride, padding) = (random.integer(1...3), random.integer(1...3), random.integer(0...1))
        guard 2 * padding <= size else { continue }
        let (height, width) = (random.integer(size...7), random.integer(size...9))
        let input = values(2 * height * width, &random)
        let geometry = WindowPlane(
            rows: WindowAxis(input: height, kernel: size, stride: stride, padding: .symmetric(padding))!,
            columns: WindowAxis(input: width, kernel: size, stride: stride, padding: .symmetric(padding))!)
        let x = makeTensor([2, height, width], input)
        let label = "size \(size) stride \(stride) padding \(padding) on \(height)×\(width)"
        for kind in [PoolingLayer.Kind.max, .average] {
            let expected = referencePooling(input, planes: 2, plane: geometry, kind: kind)
            let function = kind == .max
                ? try x.maxPool2d(size: [size], stride: [stride], padding: [padding], control: .fresh)
                : try x.avgPool2d(size: [size], stride: [stride], padding: [padding], control: .fresh)
            #expect(same(function.scalars, expected), "\(kind) \(label)")
            var specification = LayerSpecification(kernel: .shape([size, size]))
            specification.window = WindowOptions(stride: [stride], padding: .widths([padding]))
            let layer = try specification.pooling(kind)
            #expect(same(try layer(x, control: .fresh).scalars, expected), "pool_layer \(kind) \(label)")
        }
    }
    // torch: max_pool1d([1, nan, 3, 2], 2) == [nan, 3]; avg_pool1d([inf, -inf], 2) == [nan].
    #expect(same(try makeTensor([4], [1, .nan, 3, 2]).maxPool1d(size: [2], control: .fresh).scalars, [.nan, 3]))
    #expect(same(try makeTensor([2], [.infinity, -.infinity]).avgPool1d(size: [2], control: .fresh).scalars, [.nan]))
}
