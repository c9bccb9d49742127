import Testing
@testable import Tensors
import TestSupport

/// The cases `Fixtures/layers/generate.py` computed with scipy.
private struct ConvolutionMatrixFixtures: Decodable {
    typealias StoredTensor = TestSupport.StoredTensor

    struct OneDimensional: Decodable {
        let kernel: [Double]
        let length: Int
        let mode: String
        let rows: Int
        let matrix: [Double]
    }

    struct TwoDimensional: Decodable {
        let kernel: StoredTensor
        let input: StoredTensor
        let mode: String
        let expected: StoredTensor
    }

    let one_dimensional: [OneDimensional]
    let two_dimensional: [TwoDimensional]
}

/// The layer for a fixture's mode: scipy's modes, and "wrap" (same, the padding wrapped).
private func signalLayer(_ kernel: Tensor, _ mode: String) throws -> Layer {
    if mode == "wrap" { return try Layer.signalConvolution(kernel: kernel, mode: .same, fill: .wrap) }
    guard let signalMode = SignalMode(rawValue: mode) else { throw TensorError.invalidArgument("unknown mode \(mode)") }
    return try Layer.signalConvolution(kernel: kernel, mode: signalMode)
}

/// Fixture values have 3 decimals and at most 9 products per output; scipy and this code sum
/// in different orders, so allow a few ulps of relative error.
private let tolerance = 1e-12

@Test func oneDimensionalMatricesMatchScipyConvolutionMatrix() throws {
    let fixtures = try layerFixture("convolution_matrix.json", as: ConvolutionMatrixFixtures.self)
    #expect(fixtures.one_dimensional.count == 36)
    for item in fixtures.one_dimensional {
        let kernel = makeTensor([item.kernel.count], item.kernel)
        let layer = try signalLayer(kernel, item.mode)
        let matrix = try layer.matrix(input: [item.length], control: .fresh).dense(control: .fresh)
        #expect(isClose(matrix, [item.rows, item.length], item.matrix, tolerance: tolerance),
                "kernel \(item.kernel), n \(item.length), mode \(item.mode)")
    }
}

@Test func twoDimensionalMatricesReproduceScipyConvolve2d() throws {
    let fixtures = try layerFixture("convolution_matrix.json", as: ConvolutionMatrixFixtures.self)
    #expect(fixtures.two_dimensional.count == 32)
    for item in fixtures.two_dimensional {
        let kernel = makeTensor(item.kernel.shape, item.kernel.data)
        let layer = try signalLayer(kernel, item.mode)
        let matrix = try layer.matrix(input: item.input.shape, control: .fresh)
        let product = try matrix.multiply(makeTensor([item.input.data.count], item.input.data), control: .fresh)
        let label = "kernel \(item.kernel.shape), input \(item.input.shape), mode \(item.mode)"
        #expect(try layer.outputShape(input: item.input.shape) == item.expected.shape, "\(label)")
        #expect(isClose(product, [item.expected.data.count], item.expected.data, tolerance: tolerance), "\(label)")
        let direct = try layer(makeTensor(item.input.shape, item.input.data), control: .fresh)
        #expect(isClose(direct, item.expected.shape, item.expected.data, tolerance: tolerance), "\(label)")
    }
}

@Test func layerModesReplaceThePadding() throws {
    let layer = try LayerSpecification(kernel: .shape([3, 2])).convolution()
    #expect(try layer.padded(.valid).outputShape(input: [6, 6]) == [4, 5])
    #expect(try layer.padded(.full).outputShape(input: [6, 6]) == [8, 7])
    #expect(try layer.padded(.same).outputShape(input: [6, 6]) == [6, 6])
    let circulant = try layer.padded(.same, fill: .wrap).matrix(input: [4, 4], control: .fresh)
    // Doubly block circulant: every output sees all six taps, none lost to padding.
    #expect(circulant.shape == [16, 16] && circulant.nnz == 16 * 6)
    #expect(throws: TensorError.self) { try Layer.dense(DenseLayer(inputs: 2, outputs: 2)).padded(.same) }
}
