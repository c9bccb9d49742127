import CConvolutionKernels
import Testing
import Tensors
@testable import Learning

/// Max pooling's traced forward pass (`PoolingGradient.maxPooled`: the outputs and the element
/// each took, in one pass, four outputs at a time in vector lanes inside the input) against the
/// plain forward pass and against torch's rule written out naively here: the window's first
/// element to start with, then each element that is larger or NaN (`val > max || isnan(val)`
/// from −∞), so the first maximum or the last NaN takes the gradient. Ties, NaN and −∞ are
/// where a vectorised pick could differ from torch, so the inputs are full of them; the
/// geometries cover the vector lanes (≥ 4 interior columns), the scalar border and tail,
/// padding, stride, dilation, overlapping windows and 1-D windows.

/// One pooling geometry: kernel, stride, padding and dilation per axis, and the input's shape.
struct MaxPoolingGeometry: CustomTestStringConvertible {
    var kernel: [Int]
    var stride: [Int]
    var padding: [Int]
    var dilation: [Int]
    var shape: [Int]

    var testDescription: String { "k\(kernel) s\(stride) p\(padding) d\(dilation) on \(shape)" }
}

private let geometries: [MaxPoolingGeometry] = [
    // The small CNN's: 2×2, stride 2, on 26×26 and 11×11 (an odd tail column).
    MaxPoolingGeometry(kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], shape: [2, 3, 26, 26]),
    MaxPoolingGeometry(kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], shape: [3, 11, 11]),
    // Overlapping windows, padding on both axes (scalar border columns), a long row.
    MaxPoolingGeometry(kernel: [3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1], shape: [2, 7, 23]),
    MaxPoolingGeometry(kernel: [3, 2], stride: [2, 1], padding: [1, 1], dilation: [1, 1], shape: [2, 2, 9, 17]),
    MaxPoolingGeometry(kernel: [2, 3], stride: [1, 2], padding: [0, 1], dilation: [2, 2], shape: [1, 2, 8, 30]),
    // Two-wide stride-2 windows (the C kernels' case): tails of 1–7 outputs past the vectors,
    // window rows with padding and dilation, padded columns on the scalar border, 1-D.
    MaxPoolingGeometry(kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], shape: [2, 5, 46]),
    MaxPoolingGeometry(kernel: [3, 2], stride: [1, 2], padding: [1, 0], dilation: [2, 1], shape: [2, 9, 15]),
    MaxPoolingGeometry(kernel: [2, 2], stride: [2, 2], padding: [1, 1], dilation: [1, 1], shape: [1, 2, 7, 21]),
    MaxPoolingGeometry(kernel: [2], stride: [2], padding: [0], dilation: [1], shape: [3, 37]),
    // 1-D: a plane of one row.
    MaxPoolingGeometry(kernel: [3], stride: [2], padding: [1], dilation: [1], shape: [2, 3, 41]),
    MaxPoolingGeometry(kernel: [4], stride: [1], padding: [2], dilation: [1], shape: [5, 12]),
]

/// Values with many ties, some NaN and some −∞ (and +∞), from a fixed seed.
private func awkward(_ shape: [Int], seed: UInt64) -> Tensor {
    var generator = RandomGenerator(seed: seed)
    let count = shape.reduce(1, *)
    let scalars = (0..<count).map { _ -> Double in
        let draw = generator.nextUniform()
        switch draw {
        case ..<0.05: return .nan
        case ..<0.15: return -.infinity
        case ..<0.17: return .infinity
        default: return (draw * 6).rounded(.down) - 3  // few distinct values: many ties
        }
    }
    return try! Tensor(shape: shape, scalars: scalars)
}

/// torch's max pooling, element by element: each output and the index (within its plane) of
/// the element it took, nil for a window wholly on the padding.
private func naivePicks(_ x: [Double], _ g: MaxPoolingGeometry) -> [(value: Double, pick: Int?)] {
    let rank = g.kernel.count
    let spatial = Array(g.shape.suffix(rank))
    let (height, width) = rank == 2 ? (spatial[0], spatial[1]) : (1, spatial[0])
    let (kh, kw) = rank == 2 ? (g.kernel[0], g.kernel[1]) : (1, g.kernel[0])
    let (sh, sw) = rank == 2 ? (g.stride[0], g.stride[1]) : (1, g.stride[0])
    let (ph, pw) = rank == 2 ? (g.padding[0], g.padding[1]) : (0, g.padding[0])
    let (dh, dw) = rank == 2 ? (g.dilation[0], g.dilation[1]) : (1, g.dilation[0])
    let outHeight = (height + 2 * ph - dh * (kh - 1) - 1) / sh + 1
    let outWidth = (width + 2 * pw - dw * (kw - 1) - 1) / sw + 1
    let planes = x.count / (height * width)
    var result: [(Double, Int?)] = []
    for plane in 0..<planes {
        for i in 0..<outHeight {
            for j in 0..<outWidth {
                var best = -Double.infinity
                var pick: Int?
                for a in 0..<kh {
                    for b in 0..<kw {
                        let row = i * sh - ph + a * dh, column = j * sw - pw + b * dw
                        guard row >= 0, row < height, column >= 0, column < width else { continue }
                        let index = plane * height * width + row * width + column
                        if pick == nil { pick = index }
                        if x[index] > best || x[index].isNaN {
                            best = x[index]
                            pick = index
                        }
                    }
                }
                result.append((best, pick))
            }
        }
    }
    return result
}

/// The same doubles, NaN equal to NaN.
private func identical(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

@Test(arguments: geometries)
func tracedMaxPoolingLayerPicksAsTorchDoes(_ g: MaxPoolingGeometry) throws {
    var specification = LayerSpecification(kernel: .shape(g.kernel))
    specification.window = WindowOptions(stride: g.stride, padding: .widths(g.padding), dilation: g.dilation)
    let layer = try TrainableLayer(specification.pooling(.max))
    let control = ExecutionControl()
    let x = awkward(g.shape, seed: UInt64(g.shape.reduce(0, +)))
    let plain = try layer.apply(.plain(x), tape: nil, control: control).value
    let tape = Tape(control: control)
    let leaf = tape.leaf(x)
    let traced = try layer.apply(.traced(leaf), tape: tape, control: control)
    #expect(traced.isTraced)
    #expect(traced.shape == plain.shape)
    #expect(identical(traced.value.scalars, plain.scalars), "the traced outputs differ from the plain forward pass")
    let expected = naivePicks(x.scalars, g)
    #expect(identical(plain.scalars, expected.map(\.value)))

    // Distinct output gradients, so that a gradient sent to the wrong element shows.
    let weights = try Tensor(shape: plain.shape, scalars: (0..<plain.count).map { Double($0 % 97 + 1) })
    let loss = try traced.combined(with: .plain(weights), .multiply, control: control).reduced(.sum, control: control)
    guard let output = loss.trace else {
        Issue.record("the loss is not traced")
        return
    }
    let gradient = try tape.gradients(of: output, withRespectTo: [leaf])[0]
    var reference = [Double](repeating: 0, count: x.count)
    for (index, item) in expected.enumerated() {
        if let pick = item.pick { reference[pick] += weights.scalars[index] }
    }
    #expect(gradient.shape == x.shape)
    #expect(gradient.scalars == reference, "the gradient went to other elements than torch's picks")
}

@Test func maxPoolingFunctionAndLayerShareTheirPicks() throws {
    // `maxpool(x, …)` recomputes the picks in its backward pass from x; the layer records them
    // forward. Both must send the gradient to the same elements.
    let control = ExecutionControl()
    let x = awkward([2, 2, 10, 13], seed: 5)
    var specification = LayerSpecification(kernel: .shape([3, 3]))
    specification.window = WindowOptions(stride: [2, 2], padding: .widths([1, 1]))
    let layer = try TrainableLayer(specification.pooling(.max))
    var gradients: [Tensor] = []
    for useLayer in [true, false] {
        let tape = Tape(control: control)
        let leaf = tape.leaf(x)
        let y = useLayer
            ? try layer.apply(.traced(leaf), tape: tape, control: control)
            : try TensorOperand.traced(leaf).pooled(.max, spatialRank: 2, size: [3, 3], stride: [2, 2], padding: [1, 1],
                                                    control: control)
        let loss = try y.reduced(.sum, control: control)
        guard let output = loss.trace else {
            Issue.record("the loss is not traced")
            return
        }
        gradients.append(try tape.gradients(of: output, withRespectTo: [leaf])[0])
    }
    #expect(gradients[0].scalars == gradients[1].scalars)
}

@Test func reluGradientAtZeroNaNAndEveryLaneCount() throws {
    // The vectorised rule y ≤ 0 ? 0 : g against the scalar one, for lengths around the four
    // lanes and one long enough to be split over the cores.
    let control = ExecutionControl()
    for count in [1, 3, 4, 5, 8, 11, 300_001] {
        let x = try Tensor(shape: [count], scalars: (0..<count).map { i -> Double in
            switch i % 7 {
            case 0: return 0
            case 1: return .nan
            case 2: return -0.0
            default: return Double(i % 13) - 6
            }
        })
        let g = try Tensor(shape: [count], scalars: (0..<count).map { Double($0 % 5) - 2.5 })
        let tape = Tape(control: control)
        let leaf = tape.leaf(x)
        let y = try TensorOperand.traced(leaf).applying(.relu, control: control)
        let loss = try y.combined(with: .plain(g), .multiply, control: control).reduced(.sum, control: control)
        guard let output = loss.trace else {
            Issue.record("the loss is not traced")
            return
        }
        let gradient = try tape.gradients(of: output, withRespectTo: [leaf])[0]
        let expected = zip(y.value.scalars, g.scalars).map { y, g in y <= 0 ? 0 : g }
        #expect(identical(gradient.scalars, expected), "\(count) elements")
    }
}

@Test(arguments: geometries.filter { $0.kernel.last == 2 && $0.stride.last == 2 && $0.dilation.last == 1 })
func everyVectorLevelPicksAsTorchDoes(_ g: MaxPoolingGeometry) throws {
    // The C kernels (AVX2, AVX-512) that the CPU has, and the Swift lanes (portable), each
    // against the naive rule.
    let rank = g.kernel.count
    let spatial = Array(g.shape.suffix(rank))
    let axes = try WindowOptions(stride: g.stride, padding: .widths(g.padding), dilation: g.dilation)
        .window(kernelShape: g.kernel, name: "pool_layer").axes(input: spatial, name: "pool_layer", noun: "window")
    let plane = try TensorOperand.planeAxes(axes, name: "pool_layer")
    let x = awkward(g.shape, seed: 17)
    let expected = naivePicks(x.scalars, g)
    let levels = [ReceptiveConvLevelPortable, ReceptiveConvLevelAVX2FMA, ReceptiveConvLevelAVX512]
        .filter { $0.rawValue <= PoolingGradient.bestLevel.rawValue }
    for level in levels {
        var gradient = PoolingGradient(kind: .max, rows: plane.rows, columns: plane.columns,
                                       planes: g.shape.dropLast(rank).reduce(1, *))
        gradient.level = level
        let (values, picks) = try gradient.maxPooled(x, control: ExecutionControl())
        #expect(identical(values, expected.map(\.value)), "level \(level.rawValue)")
        #expect(picks == expected.map { $0.pick ?? -1 }, "level \(level.rawValue)")
    }
}
