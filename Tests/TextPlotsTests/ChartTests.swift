import Foundation
import Testing
import TextPlots

@Test func lineplotOneSeriesWithTicks() throws {
    let y = (0...60).map { sin(Double($0) / 60 * 2 * Double.pi) }
    let figure = try LinePlot.render([LineSeries(y: y)], options: LinePlotOptions(title: "sin"), sessionWidth: 80)
    GoldenFile.expectMatches(figure.text, "lineplot_sin.txt")
}

@Test func lineplotSeveralSeriesWithLegendAndX() throws {
    let x = (0...40).map { Double($0) / 4 }
    let series = [LineSeries(name: "x", x: x, y: x),
                  LineSeries(name: "x²/10", x: x, y: x.map { $0 * $0 / 10 }),
                  LineSeries(name: "10 - x", x: x, y: x.map { 10 - $0 })]
    let figure = try LinePlot.render(series, options: LinePlotOptions(width: 60, height: 10), sessionWidth: 80)
    GoldenFile.expectMatches(figure.text, "lineplot_series.txt")
    let colored = try LinePlot.render(series, options: LinePlotOptions(width: 60, height: 10, color: true), sessionWidth: 80)
    GoldenFile.expectMatches(colored.text, "lineplot_series_color.txt")
}

@Test func lineplotEdgeCases() throws {
    let gaps = LineSeries(y: [1, 2, .nan, 4, .infinity, 3, 2])
    GoldenFile.expectMatches(try LinePlot.render([gaps], options: LinePlotOptions(height: 5), sessionWidth: 40).text,
                             "lineplot_nan_gaps.txt")
    let flat = LineSeries(y: [2, 2, 2])
    GoldenFile.expectMatches(try LinePlot.render([flat], options: LinePlotOptions(height: 4), sessionWidth: 40).text,
                             "lineplot_flat.txt")
    let single = LineSeries(y: [-0.0])
    GoldenFile.expectMatches(try LinePlot.render([single], options: LinePlotOptions(height: 3), sessionWidth: 30).text,
                             "lineplot_single.txt")
    #expect(throws: TextPlotsError.self) {
        try LinePlot.render([LineSeries(x: [1], y: [1, 2])], options: LinePlotOptions(), sessionWidth: 80)
    }
    #expect(throws: TextPlotsError.self) { try LinePlot.render([], options: LinePlotOptions(), sessionWidth: 80) }
}

@Test func barChartsWithValuesAndNegatives() throws {
    let positive = try BarChart.render(values: [12.5, 6, 0, 3.25], labels: ["conv", "dense", "none", "tiled"],
                                       title: "params", width: 50)
    GoldenFile.expectMatches(positive.text, "bar_positive.txt")
    let mixed = try BarChart.render(values: [-3, 1.5, .nan, 4, -.infinity], width: 40)
    GoldenFile.expectMatches(mixed.text, "bar_mixed.txt")
    GoldenFile.expectMatches(try BarChart.render(values: [], width: 40).text, "bar_empty.txt")
    GoldenFile.expectMatches(try BarChart.render(values: [0, 0], width: 30).text, "bar_all_zero.txt")
}

@Test func barChartsNeverExceedTheirWidth() throws {
    // -3 and 4 split 32 columns into 14 and 18; the bar of 4 once took 19 (bar_mixed.txt).
    var state: UInt64 = 7
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(Int64(bitPattern: state) >> 40) / 1000
    }
    for width in 20...60 {
        for count in 1...5 {
            let values = (0..<count).map { _ in next() }
            let chart = try BarChart.render(values: values, width: width)
            for line in chart.text.split(separator: "\n") {
                #expect(TextWidth.columns(String(line)) <= width, "\(values) at width \(width): \(line)")
            }
        }
    }
}

/// Edges are a few additions and one division from the inputs, so 1e-12 relative is generous.
private func isClose(_ actual: [Double], _ expected: [Double]) -> Bool {
    actual.count == expected.count
        && zip(actual, expected).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
}

@Test func histogramCountsMatchNumpy() throws {
    // Expected values from numpy 2: np.histogram([0, 1, 1, 2, 3, 3, 3, 10], bins=4) and np.histogram([5, 5, 5], bins=2).
    let values: [Double] = [0, 1, 1, 2, 3, 3, 3, 10]
    let (edges, counts) = try Histogram.counts(values, bins: 4)
    #expect(isClose(edges, [0, 2.5, 5, 7.5, 10]))
    #expect(counts == [4, 3, 0, 1])
    let (flatEdges, flatCounts) = try Histogram.counts([5, 5, 5], bins: 2)
    #expect(isClose(flatEdges, [4.5, 5, 5.5]))
    #expect(flatCounts == [0, 3])
    let figure = try Histogram.render(values + [.nan], bins: 4, width: 50)
    GoldenFile.expectMatches(figure.text, "hist_basic.txt")
    #expect(throws: TextPlotsError.self) { try Histogram.counts(values, bins: 0) }
}

@Test func tableAlignsAndGroupsThousands() throws {
    let figure = try Table.render(headers: ["layer", "params", "FLOPs", "ratio"], rows: [
        [.text("conv"), .number(2), .number(178_640), .number(0.5)],
        [.text("dense"), .number(8_003_072_000), .number(16_006_144_000), .number(1_234.56789)],
        [.text("<tiled>"), .number(-4), .text(""), .number(.nan)],
    ], title: "compare")
    GoldenFile.expectMatches(figure.text, "table_compare.txt")
    GoldenFile.expectMatches(figure.html ?? "", "table_compare.html")
    #expect(throws: TextPlotsError.self) { try Table.render(headers: ["a"], rows: [[.text("x"), .text("y")]]) }
    GoldenFile.expectMatches(try Table.render(headers: [], rows: [[.number(1), .text("one")]]).text, "table_no_header.txt")
}

@Test func gridLaysFiguresSideBySide() throws {
    let a = Figure(text: "aaa\naaaa", html: "<pre>a</pre>")
    let b = Figure(text: "b\nbb\nbbb")
    let c = Figure(text: "漢字")
    let figure = try FigureGrid.render([a, b, c], titles: ["image", "kernel", "output"], width: 80)
    GoldenFile.expectMatches(figure.text, "grid_three.txt")
    GoldenFile.expectMatches(figure.html ?? "", "grid_three.html")
    let wrapped = try FigureGrid.render([a, b, c], columns: 2, width: 80)
    GoldenFile.expectMatches(wrapped.text, "grid_two_columns.txt")
    #expect(throws: TextPlotsError.self) { try FigureGrid.render([a], titles: [], width: 80) }
}

@Test func numberTextIsLocaleFree() {
    #expect(NumberText.grouped(178_640) == "178,640")
    #expect(NumberText.grouped(-1_000) == "-1,000")
    #expect(NumberText.grouped(999) == "999")
    #expect(NumberText.compact(0.0022321, significant: 2) == "0.0022")
    #expect(NumberText.compact(12_345_678) == "1.235e+07")
    #expect(NumberText.compact(-2.5) == "-2.5")
    #expect(NumberText.compact(1e-5) == "1e-05")
    #expect(NumberText.tableCell(12_345.678) == "12,345.7")
    #expect(NumberText.tableCell(-0.25) == "-0.25")
}
