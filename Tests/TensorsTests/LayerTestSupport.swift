import Foundation
@testable import Tensors

/// A small deterministic generator for property tests (SplitMix64), so failures reproduce.
struct LayerTestRandom {
    private var state: UInt64

    /// Starts the sequence at `seed`.
    init(seed: UInt64) { state = seed }

    /// An integer in `range`.
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return range.lowerBound + Int(mixed % UInt64(range.count))
    }

    /// A tensor of `shape` with values in [−1, 1] on a 1/1000 grid.
    mutating func tensor(_ shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        return makeTensor(shape, (0..<count).map { _ in Double(integer(-1000...1000)) / 1000 })
    }
}

/// A random convolution-like layer with its input shape, valid by construction.
struct RandomLayerCase: CustomStringConvertible {
    let layer: Layer
    let input: [Int]

    var description: String { "\(layer.summary) on \(Tensor.describe(input))" }

    /// Draws a layer (1-D or 2-D, channels, stride, dilation, padding, wrap, sharing) and an
    /// input large enough for it.
    static func draw(_ random: inout LayerTestRandom, allowWrap: Bool = true) throws -> RandomLayerCase {
        let rank = random.integer(1...2)
        let kernel = (0..<rank).map { _ in random.integer(1...3) }
        var specification = LayerSpecification(kernel: .shape(kernel))
        specification.inChannels = random.integer(1...2)
        specification.outChannels = random.integer(1...2)
        specification.window.stride = (0..<rank).map { _ in random.integer(1...2) }
        specification.window.dilation = (0..<rank).map { _ in random.integer(1...2) }
        specification.window.padding = .pairs((0..<rank).map { _ in .init(before: random.integer(0...2), after: random.integer(0...2)) })
        specification.window.fill = allowWrap && random.integer(0...3) == 0 ? .wrap : .zero
        specification.seed = UInt64(random.integer(0...1_000))
        let sharing: ConvolutionLayer.Sharing
        switch random.integer(0...2) {
        case 0: sharing = .shared
        case 1: sharing = .unshared
        default: sharing = .tiled(period: random.integer(1...3))
        }
        let spatial = kernel.indices.map { axis in
            (kernel[axis] - 1) * specification.window.dilation[axis] + random.integer(1...5)
        }
        let channels = specification.inChannels ?? 1
        let input = channels == 1 && random.integer(0...1) == 0 ? spatial : [channels] + spatial
        return RandomLayerCase(layer: try specification.convolution(sharing: sharing), input: input)
    }
}

/// Reads a JSON fixture from `Fixtures/layers/`.
func layerFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = Bundle.module.url(forResource: "Fixtures/layers/" + name, withExtension: nil)
        ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/layers")
    guard let url else { throw TensorError.io("missing fixture Fixtures/layers/\(name)") }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}
