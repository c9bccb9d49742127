import Tensors
import Testing
@testable import TextPlots

@Test func smallSparseMatricesShowTheirEntriesWithDotsForStructuralZeros() throws {
    let text = SparseMatrixFormatter.render(try bandMatrix(), options: RenderOptions()).text
    GoldenFile.expectMatches(text, "sparse_grid.txt")
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "sparse 4×6, nnz 13, density 0.5416666666666666")
    // A stored zero prints as a number; entries never stored print as dots, under the units digit.
    #expect(lines[4].hasPrefix("  0.   ·    ·    1."))
    #expect(lines[1].filter { $0 == "·" }.count == 3)
}

@Test func largeOrWideSparseMatricesShowTheSummaryAlone() throws {
    let tall = try SparseMatrix(rows: 41, columns: 2, rowStarts: Array(0...41), columnIndices: Array(repeating: 0, count: 41),
                                values: Array(repeating: 1, count: 41))
    #expect(SparseMatrixFormatter.render(tall, options: RenderOptions()).text == "sparse 41×2, nnz 41, density 0.5")
    let narrow = RenderOptions(width: 20)
    #expect(SparseMatrixFormatter.render(try bandMatrix(), options: narrow).text
        == "sparse 4×6, nnz 13, density 0.5416666666666666")
}
