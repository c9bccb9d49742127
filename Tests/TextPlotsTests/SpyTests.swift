import Foundation
import Tensors
import Testing
@testable import TextPlots

@Test func spySmallGridWithUnitLabels() throws {
    let matrix = try convolutionConnectivity(units: 5, weightIndices: false)
    let options = SpyOptions(rowLabels: (1...5).map { "s\($0)" }, columnLabels: (1...5).map { "x\($0)" })
    GoldenFile.expectMatches(try Spy.render(matrix, options: options, sessionWidth: 80, control: .fresh).text, "spy_grid_labels.txt")
    GoldenFile.expectMatches(try Spy.render(matrix, options: SpyOptions(title: "connectivity"), sessionWidth: 80, control: .fresh).text,
                             "spy_grid_indices.txt")
}

@Test func spyLettersShowSharedWeights() throws {
    let sharing = try convolutionConnectivity(units: 6, weightIndices: true)
    let options = SpyOptions(rowLabels: (1...6).map { "s\($0)" }, columnLabels: (1...6).map { "x\($0)" },
                             letters: true)
    GoldenFile.expectMatches(try Spy.render(sharing, options: options, sessionWidth: 80, control: .fresh).text, "spy_letters.txt")
    // Told how many weights the layer has, the legend says how many the picture uses.
    let unshared = try Tensor(shape: [2, 3], scalars: [2, 3, 0, 4, 0, 7])
    let legend = try Spy.render(unshared, options: SpyOptions(letters: true, weightCount: 9), sessionWidth: 80,
                                control: .fresh).text.split(separator: "\n").last
    #expect(legend == "2×3   4 ≠ 0   density 67%   9 weights, 4 in the picture: b…d, g = weights 2…4, 7")
    let bad = try Tensor(shape: [1, 2], scalars: [1.5, 0])
    #expect(throws: TextPlotsError.self) { try Spy.render(bad, options: SpyOptions(letters: true), sessionWidth: 80, control: .fresh) }
}

@Test func spyGridTooWideForLabelsWritesThemVertically() throws {
    let matrix = try convolutionConnectivity(units: 40, weightIndices: false)
    GoldenFile.expectMatches(try Spy.render(matrix, options: SpyOptions(), sessionWidth: 80, control: .fresh).text,
                             "spy_grid_vertical_labels.txt")
}

@Test func spyLargeMatrixOnBraille() throws {
    let matrix = try convolutionConnectivity(units: 100, weightIndices: false)
    GoldenFile.expectMatches(try Spy.render(matrix, options: SpyOptions(), sessionWidth: 80, control: .fresh).text, "spy_braille_100.txt")
}

@Test func spyOfTheFigure96LayerStaysSparseAndFast() throws {
    let control = ExecutionControl()
    // 10^5 elements: far below the 8·10^9 of the dense matrix, far above the Braille canvas.
    control.maxElements = 100_000
    let start = ContinuousClock.now
    let figure = try Spy.render(rows: 89_320, columns: 89_600, entries: edgeDetectorEntries,
                                options: SpyOptions(), sessionWidth: 80, control: control)
    let elapsed = ContinuousClock.now - start
    // A dense pass over the 89,320 × 89,600 matrix would take minutes; 10 s catches that
    // without timing the code on a loaded machine (speed is measured in benchmarks/bench.py).
    #expect(elapsed < .seconds(10))
    #expect(figure.text.contains("89,320×89,600   178,640 ≠ 0   density 0.0022%"))
    GoldenFile.expectMatches(figure.text, "spy_braille_figure96.txt")
}

@Test func spyEdgeCases() throws {
    GoldenFile.expectMatches(try Spy.render(Tensor(shape: [0, 0], scalars: []), options: SpyOptions(),
                                            sessionWidth: 80, control: .fresh).text, "spy_empty.txt")
    GoldenFile.expectMatches(try Spy.render(Tensor(shape: [1, 1], scalars: [-0.0]), options: SpyOptions(),
                                            sessionWidth: 80, control: .fresh).text, "spy_single_negative_zero.txt")
    #expect(throws: TextPlotsError.invalidOption("spy: 'grid_limit' must be 0…100, found 500")) {
        try Spy.render(Tensor(repeating: 1, shape: [2, 2], control: .fresh), options: SpyOptions(gridLimit: 500), sessionWidth: 80, control: .fresh)
    }
    #expect(throws: TextPlotsError.invalidOption("spy: expected 2 row labels, found 1")) {
        try Spy.render(Tensor(repeating: 1, shape: [2, 2], control: .fresh), options: SpyOptions(rowLabels: ["a"]), sessionWidth: 80, control: .fresh)
    }
    #expect(throws: TextPlotsError.self) {
        try Spy.render(rows: 2, columns: 2, entries: { visit in try visit(5, 0, 1) },
                       options: SpyOptions(), sessionWidth: 80, control: .fresh)
    }
    #expect(throws: TextPlotsError.self) {
        try Spy.render(rows: 100, columns: 100, entries: { _ in }, options: SpyOptions(letters: true), sessionWidth: 80, control: .fresh)
    }
}

@Test func spyStopsWhenInterrupted() throws {
    let control = ExecutionControl()
    control.requestInterrupt()
    #expect(throws: TensorError.interrupted) {
        try Spy.render(rows: 89_320, columns: 89_600, entries: edgeDetectorEntries,
                       options: SpyOptions(), sessionWidth: 80, control: control)
    }
}

@Test func spyOfACSRMatrixMatchesTheEnumeratedOne() throws {
    var rowStarts = [0]
    var columnIndices: [Int32] = []
    var values: [Double] = []
    try edgeDetectorEntries { row, column, value in
        if rowStarts.count <= row + 1 { rowStarts.append(columnIndices.count) }
        columnIndices.append(Int32(column))
        values.append(value)
    }
    rowStarts.append(columnIndices.count)
    let matrix = try SparseMatrix(rows: 89_320, columns: 89_600, rowStarts: Array(rowStarts.dropFirst()),
                                  columnIndices: columnIndices, values: values)
    let start = ContinuousClock.now
    let figure = try Spy.render(matrix, options: SpyOptions(), sessionWidth: 80, control: .fresh)
    // A dense pass over the 89,320 × 89,600 matrix would take minutes; 10 s catches that
    // without timing the code on a loaded machine (speed is measured in benchmarks/bench.py).
    #expect(ContinuousClock.now - start < .seconds(10))
    GoldenFile.expectMatches(figure.text, "spy_braille_figure96.txt")
}

@Test func spyVeryWideAndVeryTallMatrices() throws {
    let wide = try Spy.render(rows: 1, columns: 100_000, entries: { visit in
        for column in stride(from: 0, to: 100_000, by: 7) { try visit(0, column, 1) }
    }, options: SpyOptions(), sessionWidth: 80, control: .fresh)
    GoldenFile.expectMatches(wide.text, "spy_very_wide.txt")
    let tall = try Spy.render(rows: 100_000, columns: 3, entries: { visit in
        for row in 0..<50_000 { try visit(row, row % 3, 2) }
    }, options: SpyOptions(height: 6), sessionWidth: 80, control: .fresh)
    GoldenFile.expectMatches(tall.text, "spy_very_tall.txt")
}
