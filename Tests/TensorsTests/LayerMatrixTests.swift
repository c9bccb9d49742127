import Testing
@testable import Tensors

/// Products of weights in [−1, 1] with inputs in [−1, 1] summed over at most 18 terms: a
/// relative error of 1e-12 leaves room for the different summation order of the two paths.
private let tolerance = 1e-12

@Test func matrixTimesFlattenedInputEqualsTheLayerOnRandomCases() throws {
    var random = LayerTestRandom(seed: 92)
    for _ in 0..<300 {
        let drawn = try RandomLayerCase.draw(&random)
        let x = random.tensor(drawn.input)
        let expected = try drawn.layer(x, control: .fresh)
        let product = try drawn.layer.matrix(input: drawn.input, control: .fresh).multiply(x.flattened(), control: .fresh)
        #expect(isClose(product, [expected.count], expected.scalars, tolerance: tolerance), "\(drawn)")
    }
}

@Test func connectivityIsTheNonzeroPatternOfTheMatrix() throws {
    var random = LayerTestRandom(seed: 93)
    for _ in 0..<200 {
        let drawn = try RandomLayerCase.draw(&random, allowWrap: false)
        let matrix = try drawn.layer.matrix(input: drawn.input, control: .fresh)
        let connectivity = try drawn.layer.connectivity(input: drawn.input, control: .fresh)
        #expect(connectivity.rowStarts == matrix.rowStarts, "\(drawn)")
        #expect(connectivity.columnIndices == matrix.columnIndices, "\(drawn)")
        #expect(connectivity.values.allSatisfy { $0 == 1 }, "\(drawn)")
        #expect(matrix.values.allSatisfy { $0 != 0 }, "\(drawn)")
    }
}

@Test func flopsParamsAndEntriesMatchBruteForceCountsOverTheMatrix() throws {
    var random = LayerTestRandom(seed: 94)
    for _ in 0..<200 {
        let drawn = try RandomLayerCase.draw(&random, allowWrap: false)
        let sharing = try drawn.layer.sharing(input: drawn.input, control: .fresh)
        let perRow = (0..<sharing.rows).map { sharing.rowStarts[$0 + 1] - sharing.rowStarts[$0] }
        let bruteFlops = perRow.reduce(0) { $0 + max(0, 2 * $1 - 1) }
        #expect(try drawn.layer.flops(input: drawn.input, control: .fresh) == bruteFlops, "\(drawn)")
        #expect(try drawn.layer.matrixEntries(input: drawn.input, control: .fresh) == sharing.nnz, "\(drawn)")
        // Every distinct weight index is a parameter; with padding some may never be used.
        let distinct = Set(sharing.values).count
        #expect(distinct <= (try drawn.layer.params(input: drawn.input)), "\(drawn)")
    }
}

@Test func distinctSharedWeightsEqualParamsWithoutPadding() throws {
    for sharing in [ConvolutionLayer.Sharing.shared, .unshared, .tiled(period: 2)] {
        var specification = LayerSpecification(kernel: .shape([2, 3]))
        specification.inChannels = 2
        specification.outChannels = 3
        let layer = try specification.convolution(sharing: sharing)
        let matrix = try layer.sharing(input: [2, 5, 7], control: .fresh)
        #expect(Set(matrix.values).count == (try layer.params(input: [2, 5, 7])), "\(sharing)")
    }
}

@Test func figure92And93ConvolutionTouchesThreeUnitsDenseTouchesAll() throws {
    var specification = LayerSpecification(kernel: .width(3))
    specification.window.padding = .widths([1])
    let convolution = try specification.convolution().connectivity(input: [5], control: .fresh)
    // x3 (column 2) affects s2, s3, s4 (figure 9.2); s3 (row 2) sees x2, x3, x4 (figure 9.3).
    #expect(try convolution.column(2).map(\.row) == [1, 2, 3])
    #expect(try convolution.row(2).map(\.column) == [1, 2, 3])
    #expect(try convolution.row(0).map(\.column) == [0, 1])
    let dense = try Layer.dense(DenseLayer(inputs: 5, outputs: 5)).connectivity(input: [5], control: .fresh)
    #expect(try dense.column(2).map(\.row) == [0, 1, 2, 3, 4])
    #expect(dense.nnz == 25 && convolution.nnz == 13)
}

@Test func figure95And916SharingPatterns() throws {
    let specification = LayerSpecification(kernel: .width(2))
    func rows(_ sharing: ConvolutionLayer.Sharing) throws -> [[Double]] {
        let matrix = try specification.convolution(sharing: sharing).sharing(input: [5], control: .fresh)
        return try (0..<matrix.rows).map { try matrix.row($0).map(\.value) }
    }
    #expect(try rows(.shared) == [[1, 2], [1, 2], [1, 2], [1, 2]])
    #expect(try rows(.unshared) == [[1, 2], [3, 4], [5, 6], [7, 8]])
    #expect(try rows(.tiled(period: 2)) == [[1, 2], [3, 4], [1, 2], [3, 4]])
    let dense = try Layer.dense(DenseLayer(inputs: 3, outputs: 2)).sharing(input: [3], control: .fresh)
    #expect(dense.values == [1, 2, 3, 4, 5, 6])
}

@Test func sharingMatricesKnowHowManyWeightsTheirLayerHas() throws {
    // Padding 1 on 6 inputs: the locally connected layer has 6 × 3 = 18 weights, of which the
    // first of s1 and the last of s6 only meet the padding, so 16 indices (2…17) appear.
    var specification = LayerSpecification(kernel: .width(3))
    specification.window.padding = .widths([1])
    let local = try specification.convolution(sharing: .unshared).sharing(input: [6], control: .fresh)
    #expect(local.weightCount == 18 && Set(local.values) == Set((2...17).map(Double.init)))
    #expect(try specification.convolution().sharing(input: [6], control: .fresh).weightCount == 3)
    #expect(try specification.convolution().connectivity(input: [6], control: .fresh).weightCount == nil)
}

@Test func wrapPaddingGivesACirculantMatrix() throws {
    var specification = LayerSpecification(kernel: .weights(makeTensor([3], [1, 2, 3])))
    specification.window.padding = .widths([1])
    specification.window.fill = .wrap
    let matrix = try specification.convolution().matrix(input: [5], control: .fresh).dense(control: .fresh)
    #expect(matrix.scalars == [
        2, 3, 0, 0, 1,
        1, 2, 3, 0, 0,
        0, 1, 2, 3, 0,
        0, 0, 1, 2, 3,
        3, 0, 0, 1, 2,
    ])
    // Each row is the previous one rotated right by one place.
    for row in 1..<5 {
        for column in 0..<5 {
            #expect(matrix.scalars[row * 5 + column] == matrix.scalars[(row - 1) * 5 + (column + 4) % 5])
        }
    }
}

@Test func figure96MatricesAreSparseAndFast() throws {
    let layer = try edgeDetector()
    let clock = ContinuousClock()
    var matrix: SparseMatrix?
    var connectivity: SparseMatrix?
    let elapsed = try clock.measure {
        matrix = try layer.matrix(input: [280, 320], control: .fresh)
        connectivity = try layer.connectivity(input: [280, 320], control: .fresh)
        _ = try layer.params()
    }
    // A dense pass over the 89,320 × 89,600 matrix would take minutes; 10 s catches that
    // without timing the code on a loaded machine (speed is measured in benchmarks/bench.py).
    #expect(elapsed < .seconds(10))
    let built = try #require(matrix)
    #expect(built.shape == [89_320, 89_600])
    #expect(built.nnz == 178_640 && connectivity?.nnz == 178_640)
    #expect(abs(built.density - 178_640 / 8_003_072_000) < 1e-18)
    #expect(try built.row(0).map(\.value) == [-1, 1])
    #expect(throws: TensorError.self) { try built.dense(control: .fresh) }
}

/// The (outputWidth × inputWidth) block of `matrix` for output row `row` and input row `inputRow`.
private func block(_ matrix: Tensor, row: Int, inputRow: Int, outputWidth: Int, inputWidth: Int) -> [Double] {
    let columns = matrix.shape[1]
    return (0..<outputWidth).flatMap { i in
        (0..<inputWidth).map { j in matrix.scalars[(row * outputWidth + i) * columns + inputRow * inputWidth + j] }
    }
}

@Test func twoDimensionalMatrixIsDoublyBlockToeplitz() throws {
    let layer = try LayerSpecification(kernel: .shape([2, 3])).convolution()
    let matrix = try layer.matrix(input: [5, 6], control: .fresh).dense(control: .fresh)
    // Output 4×4 over input 5×6: block (i, r) depends only on r − i, and each block is Toeplitz.
    for row in 0..<3 {
        for inputRow in 0..<4 {
            #expect(block(matrix, row: row, inputRow: inputRow, outputWidth: 4, inputWidth: 6)
                    == block(matrix, row: row + 1, inputRow: inputRow + 1, outputWidth: 4, inputWidth: 6))
        }
    }
    let first = block(matrix, row: 0, inputRow: 1, outputWidth: 4, inputWidth: 6)
    for i in 1..<4 {
        for j in 1..<6 { #expect(first[i * 6 + j] == first[(i - 1) * 6 + j - 1]) }
    }
}

@Test func wrapModeMatrixIsDoublyBlockCirculant() throws {
    let layer = try LayerSpecification(kernel: .shape([3, 3])).convolution().padded(.same, fill: .wrap)
    let matrix = try layer.matrix(input: [4, 5], control: .fresh).dense(control: .fresh)
    for row in 0..<4 {
        for inputRow in 0..<4 {
            let current = block(matrix, row: row, inputRow: inputRow, outputWidth: 5, inputWidth: 5)
            #expect(current == block(matrix, row: (row + 1) % 4, inputRow: (inputRow + 1) % 4, outputWidth: 5, inputWidth: 5))
            // Each block is circulant: every row is the previous one rotated right by one.
            for i in 1..<5 {
                for j in 0..<5 { #expect(current[i * 5 + j] == current[(i - 1) * 5 + (j + 4) % 5]) }
            }
        }
    }
}
