import Foundation
import Tensors
import Testing
@testable import TextPlots

/// Whether `text` holds only printable ASCII (bytes 0x20–0x7E) and newlines.
func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 == 0x0A || (0x20...0x7E).contains($0) }
}

/// One kind of figure drawn in both charsets, with a golden file for each.
struct CharsetCase: Sendable, CustomTestStringConvertible {
    /// The ASCII golden file is `ascii/<name>.txt`.
    let name: String
    /// The Unicode golden file (most are the renderer's own tests' files, drawn the same way).
    let unicodeGolden: String
    /// How many lines end each rendering (legends, footers) whose text the charsets spell
    /// differently; nil when the ASCII picture has another geometry (half blocks become the
    /// two-character ASCII ramp) or its columns follow spelt text (tables, grids).
    let legendLines: (unicode: Int, ascii: Int)?
    /// Draws the figure's text in a charset.
    let draw: @Sendable (Charset) throws -> String

    var testDescription: String { name }

    init(_ name: String, unicode: String, legend: (unicode: Int, ascii: Int)?,
         draw: @escaping @Sendable (Charset) throws -> String) {
        self.name = name
        unicodeGolden = unicode
        legendLines = legend
        self.draw = draw
    }

    static func heatmap(_ tensor: Tensor, _ options: HeatmapOptions, _ charset: Charset) throws -> String {
        var options = options
        options.charset = charset
        return try Heatmap.render(tensor, options: options, sessionWidth: 80, control: .fresh).text
    }

    static func spy(_ tensor: Tensor, _ options: SpyOptions, _ charset: Charset) throws -> String {
        var options = options
        options.charset = charset
        return try Spy.render(tensor, options: options, sessionWidth: 80, control: .fresh).text
    }

    static func lineplot(_ series: [LineSeries], _ options: LinePlotOptions, width: Int = 80,
                         _ charset: Charset) throws -> String {
        var options = options
        options.charset = charset
        return try LinePlot.render(series, options: options, sessionWidth: width).text
    }

    static let units5 = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "s", count: 5)]

    /// Every kind of picture TextPlots draws.
    static let all: [CharsetCase] = [
        CharsetCase("heatmap_gradient", unicode: "heatmap_gradient_blocks.txt", legend: (2, 2)) {
            try heatmap(matrix(6, 10) { row, column in Double(row * 10 + column) }, HeatmapOptions(), $0)
        },
        CharsetCase("heatmap_diverging", unicode: "heatmap_diverging_blocks.txt", legend: (2, 2)) {
            let edges = try matrix(5, 8) { _, column in column == 3 ? -1 : (column == 4 ? 1 : (column == 5 ? 0.3 : 0)) }
            return try heatmap(edges, HeatmapOptions(), $0)
        },
        CharsetCase("heatmap_half_disk", unicode: "heatmap_half_disk.txt", legend: nil) {
            let disk = try matrix(16, 16) { row, column in
                let (y, x) = (Double(row) - 7.5, Double(column) - 7.5)
                return x * x + y * y < 36 ? 1 : 0
            }
            return try heatmap(disk, HeatmapOptions(ramp: .half), $0)
        },
        CharsetCase("heatmap_downsampled", unicode: "heatmap_downsampled.txt", legend: (2, 2)) {
            let big = try matrix(200, 300) { row, column in sin(Double(row) / 20) * cos(Double(column) / 30) }
            return try heatmap(big, HeatmapOptions(), $0)
        },
        CharsetCase("heatmap_channels", unicode: "heatmap_channels.txt", legend: (2, 2)) {
            let channels = try Tensor(shape: [3, 4, 4], scalars: (0..<48).map { Double($0 % 16) * Double($0 / 16 + 1) })
            return try heatmap(channels, HeatmapOptions(), $0)
        },
        CharsetCase("heatmap_nan_inf", unicode: "heatmap_nan_inf.txt", legend: (2, 2)) {
            let special = try Tensor(shape: [2, 3], scalars: [.nan, .infinity, -.infinity, -0.0, 1, 2])
            return try heatmap(special, HeatmapOptions(), $0)
        },
        CharsetCase("spy_grid_labels", unicode: "spy_grid_labels.txt", legend: (1, 1)) {
            let options = SpyOptions(rowLabels: (1...5).map { "s\($0)" }, columnLabels: (1...5).map { "x\($0)" })
            return try spy(convolutionConnectivity(units: 5, weightIndices: false), options, $0)
        },
        CharsetCase("spy_letters", unicode: "spy_letters.txt", legend: (1, 1)) {
            let options = SpyOptions(rowLabels: (1...6).map { "s\($0)" }, columnLabels: (1...6).map { "x\($0)" },
                                     letters: true)
            return try spy(convolutionConnectivity(units: 6, weightIndices: true), options, $0)
        },
        CharsetCase("spy_grid_vertical_labels", unicode: "spy_grid_vertical_labels.txt", legend: (1, 1)) {
            try spy(convolutionConnectivity(units: 40, weightIndices: false), SpyOptions(), $0)
        },
        CharsetCase("spy_large_100", unicode: "spy_braille_100.txt", legend: (1, 2)) {
            try spy(convolutionConnectivity(units: 100, weightIndices: false), SpyOptions(), $0)
        },
        CharsetCase("spy_large_figure96", unicode: "spy_braille_figure96.txt", legend: (1, 2)) {
            try Spy.render(rows: 89_320, columns: 89_600, entries: edgeDetectorEntries,
                           options: SpyOptions(charset: $0), sessionWidth: 80, control: .fresh).text
        },
        CharsetCase("lineplot_sin", unicode: "lineplot_sin.txt", legend: (0, 0)) {
            let y = (0...60).map { sin(Double($0) / 60 * 2 * Double.pi) }
            return try lineplot([LineSeries(y: y)], LinePlotOptions(title: "sin"), $0)
        },
        CharsetCase("lineplot_series", unicode: "lineplot_series.txt", legend: (1, 1)) {
            let x = (0...40).map { Double($0) / 4 }
            let series = [LineSeries(name: "x", x: x, y: x),
                          LineSeries(name: "x²/10", x: x, y: x.map { $0 * $0 / 10 }),
                          LineSeries(name: "10 - x", x: x, y: x.map { 10 - $0 })]
            return try lineplot(series, LinePlotOptions(width: 60, height: 10), $0)
        },
        CharsetCase("lineplot_nan_gaps", unicode: "lineplot_nan_gaps.txt", legend: (0, 0)) {
            try lineplot([LineSeries(y: [1, 2, .nan, 4, .infinity, 3, 2])], LinePlotOptions(height: 5), width: 40, $0)
        },
        CharsetCase("bar_positive", unicode: "bar_positive.txt", legend: (0, 0)) {
            try BarChart.render(values: [12.5, 6, 0, 3.25], labels: ["conv", "dense", "none", "tiled"],
                                title: "params", width: 50, charset: $0).text
        },
        CharsetCase("bar_mixed", unicode: "bar_mixed.txt", legend: (0, 0)) {
            try BarChart.render(values: [-3, 1.5, .nan, 4, -.infinity], width: 40, charset: $0).text
        },
        CharsetCase("hist_basic", unicode: "hist_basic.txt", legend: (0, 0)) {
            try Histogram.render([0, 1, 1, 2, 3, 3, 3, 10, .nan], bins: 4, width: 50, charset: $0).text
        },
        CharsetCase("table_compare", unicode: "table_compare.txt", legend: (0, 0)) {
            try Table.render(headers: ["layer", "params", "FLOPs", "ratio"], rows: [
                [.text("conv"), .number(2), .number(178_640), .number(0.5)],
                [.text("dense"), .number(8_003_072_000), .number(16_006_144_000), .number(1_234.56789)],
                [.text("<tiled>"), .number(-4), .text(""), .number(.nan)],
            ], title: "compare", charset: $0).text
        },
        CharsetCase("table_symbols", unicode: "table_symbols.txt", legend: nil) {
            try Table.render(headers: ["layer", "input", "n²"], rows: [
                [.text("dense_layer 5 → 3"), .text("tensor 5×1"), .number(25)],
                [.text("conv_layer 3"), .text("tensor 5×1"), .number(9)],
            ], title: "shapes … and arrows", charset: $0).text
        },
        CharsetCase("diagram_conv", unicode: "diagram_conv.txt", legend: (0, 0)) {
            try LayerDiagram.render(rows: units5, edges: convolutionEdges(units: 5, below: 0), charset: $0).text
        },
        CharsetCase("diagram_conv_highlight", unicode: "diagram_conv_highlight.txt", legend: (1, 1)) {
            let highlight = DiagramHighlight(unit: DiagramUnit(row: 0, unit: 2),
                                             marked: [DiagramUnit(row: 1, unit: 1), DiagramUnit(row: 1, unit: 2),
                                                      DiagramUnit(row: 1, unit: 3)],
                                             meaning: "affected by x3")
            return try LayerDiagram.render(rows: units5, edges: convolutionEdges(units: 5, below: 0),
                                           highlight: highlight, title: "sparse connectivity", charset: $0).text
        },
        CharsetCase("diagram_dense", unicode: "diagram_dense.txt", legend: (1, 1)) {
            let dense = (0..<5).flatMap { i in (0..<5).map { DiagramEdge(fromRow: 0, fromUnit: i, toRow: 1, toUnit: $0) } }
            return try LayerDiagram.render(rows: units5, edges: dense, charset: $0).text
        },
        CharsetCase("diagram_stack_receptive_field", unicode: "diagram_stack_receptive_field.txt", legend: (1, 1)) {
            let stack = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "h", count: 5),
                         DiagramRow(prefix: "g", count: 5)]
            let edges = convolutionEdges(units: 5, below: 0) + convolutionEdges(units: 5, below: 1)
            let field: Set<DiagramUnit> = Set((0..<5).map { DiagramUnit(row: 0, unit: $0) }
                + (1...3).map { DiagramUnit(row: 1, unit: $0) })
            let highlight = DiagramHighlight(unit: DiagramUnit(row: 2, unit: 2), marked: field, meaning: "affect g3")
            return try LayerDiagram.render(rows: stack, edges: edges, highlight: highlight, charset: $0).text
        },
        CharsetCase("diagram_valid_offset", unicode: "diagram_valid_offset.txt", legend: (0, 0)) {
            let rows = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "s", count: 3, offset: 1)]
            let edges = (0..<3).flatMap { output in
                (0..<3).map { DiagramEdge(fromRow: 0, fromUnit: output + $0, toRow: 1, toUnit: output) }
            }
            return try LayerDiagram.render(rows: rows, edges: edges, charset: $0).text
        },
        CharsetCase("diagram_stride", unicode: "diagram_stride.txt", legend: (1, 1)) {
            try LayerDiagram.render(rows: stridedRows, edges: stridedEdges, highlight: stridedHighlight, charset: $0).text
        },
        CharsetCase("diagram_dense_highlight", unicode: "diagram_dense_highlight.txt", legend: (2, 2)) {
            try LayerDiagram.render(rows: units5, edges: denseEdges, highlight: fanOut(of: 2), charset: $0).text
        },
        CharsetCase("diagram_pool", unicode: "diagram_pool.txt", legend: (0, 0)) {
            try LayerDiagram.render(rows: pooledRows, edges: pooledEdges, charset: $0).text
        },
        CharsetCase("sparse_grid", unicode: "sparse_grid.txt", legend: (0, 0)) {
            SparseMatrixFormatter.render(try bandMatrix(), options: RenderOptions(charset: $0)).text
        },
        CharsetCase("tensor_header", unicode: "tensor_header.txt", legend: (0, 0)) {
            let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6.5])
            return TensorFormatter.render(tensor, options: RenderOptions(charset: $0)).text
        },
        CharsetCase("grid_of_figures", unicode: "grid_of_figures.txt", legend: nil) { charset in
            let image = try heatmap(matrix(3, 4) { row, column in Double(row - column) }, HeatmapOptions(), charset)
            let pattern = try spy(convolutionConnectivity(units: 4, weightIndices: false), SpyOptions(), charset)
            return try FigureGrid.render([Figure(text: image), Figure(text: pattern)], titles: ["image", "pattern"],
                                         width: 80).text
        },
    ]
}

@Test(arguments: CharsetCase.all)
func asciiFigureIsPrintableASCIIAndMatchesItsGolden(_ figure: CharsetCase) throws {
    let text = try figure.draw(.ascii)
    #expect(isPrintableASCII(text), "\(figure.name) has a byte outside 0x20-0x7E and newline")
    GoldenFile.expectMatches(text, "ascii/\(figure.name).txt")
}

@Test(arguments: CharsetCase.all)
func unicodeFigureMatchesItsGolden(_ figure: CharsetCase) throws {
    GoldenFile.expectMatches(try figure.draw(.unicode), figure.unicodeGolden)
}

/// Every character is one column in both charsets, so the ASCII picture lines up exactly as
/// the Unicode one: line for line, every right edge (a frame, a label, a value) at the same
/// column, legends and footers aside. Where a Unicode line ends in Braille the ASCII one may
/// stop earlier: its blanks are trimmed, and its series are drawn solid rather than dashed.
@Test(arguments: CharsetCase.all.filter { $0.legendLines != nil })
func asciiKeepsTheLayoutOfTheUnicodePicture(_ figure: CharsetCase) throws {
    let legend = try #require(figure.legendLines)
    let unicode = try figure.draw(.unicode).split(separator: "\n", omittingEmptySubsequences: false)
    let ascii = try figure.draw(.ascii).split(separator: "\n", omittingEmptySubsequences: false)
    let pictureLines = unicode.count - legend.unicode
    #expect(ascii.count - legend.ascii == pictureLines, "\(figure.name): picture heights differ")
    for (index, (wide, narrow)) in zip(unicode.prefix(pictureLines), ascii.prefix(pictureLines)).enumerated() {
        let endsInBraille = wide.last?.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } ?? false
        if endsInBraille {
            #expect(narrow.count <= TextWidth.columns(String(wide)), "\(figure.name) line \(index): «\(narrow)» too wide")
        } else {
            #expect(narrow.count == TextWidth.columns(String(wide)),
                    "\(figure.name) line \(index): «\(wide)» and «\(narrow)» differ in width")
        }
    }
}

@Test func charsetSpellsSymbolsInASCIIAndLeavesOtherTextAlone() {
    #expect(Charset.ascii.spell("tensor 2×3 → 4 … ≥ 1, ≠ 0, ≈ 5 x² – é") == "tensor 2x3 -> 4 ... >= 1, != 0, ~ 5 x^2 - é")
    #expect(Charset.unicode.spell("2×3 …") == "2×3 …")
    #expect(Charset.ascii.spell("plain") == "plain")
    #expect(Charset(rawValue: "ascii") == .ascii && Charset(rawValue: "unicode") == .unicode)
}

@Test func glyphTablesPairOneColumnUnicodeWithPrintableASCII() {
    let frames = [FrameGlyphs.unicode, FrameGlyphs.ascii].map { frame in
        String([frame.topLeft, frame.topRight, frame.bottomLeft, frame.bottomRight, frame.horizontal,
                frame.vertical, frame.leftTick, frame.bottomTick])
    }
    let diagrams = [DiagramGlyphs.unicode, DiagramGlyphs.ascii].map { glyphs in
        String([glyphs.vertical, glyphs.dottedVertical, glyphs.rising, glyphs.falling, glyphs.dottedDiagonal,
                glyphs.horizontal, glyphs.dottedHorizontal, glyphs.diagonalCross, glyphs.straightCross])
    }
    let spies = [SpyGlyphs.unicode, SpyGlyphs.ascii].map { $0.nonzero + $0.zero }
    let bars = [BarChart.Glyphs.unicode, BarChart.Glyphs.ascii].map { $0.full + $0.axis + $0.partial.joined() }
    for (unicode, ascii) in [(frames[0], frames[1]), (diagrams[0], diagrams[1]), (spies[0], spies[1])] {
        #expect(TextWidth.columns(unicode) == ascii.count)
        #expect(isPrintableASCII(ascii))
    }
    #expect(TextWidth.columns(bars[0]) == 9 && isPrintableASCII(bars[1]))
    #expect(isPrintableASCII(String(SpyGlyphs.ascii.density ?? [])) && SpyGlyphs.ascii.density?.count == 9)
    #expect(isPrintableASCII(String(LinePlot.marks)))
    #expect(HeatmapScale.ascii.count == 10 && HeatmapScale.ascii.allSatisfy(isPrintableASCII))
}

@Test func asciiHeatmapWithColourKeepsTheEscapesAroundASCII() throws {
    let small = try matrix(2, 3) { row, column in Double(row * 3 + column) - 2.5 }
    let figure = try Heatmap.render(small, options: HeatmapOptions(ramp: .half, color: true, charset: .ascii),
                                    sessionWidth: 80, control: .fresh)
    // Colour is opt-in ANSI escapes (ESC is the one byte outside 0x20-0x7E); what they colour is ASCII.
    let withoutEscapes = figure.text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    #expect(isPrintableASCII(withoutEscapes))
    #expect(figure.text.contains("\u{1B}[38;5;"))
}
