import Foundation
import Tensors
import Testing
import TextPlots

private func heatmap(_ tensor: Tensor, _ options: HeatmapOptions = HeatmapOptions()) throws -> String {
    try Heatmap.render(tensor, options: options, sessionWidth: 80, control: .fresh).text
}

@Test func heatmapGradientInBlocksAndAscii() throws {
    let gradient = try matrix(6, 10) { row, column in Double(row * 10 + column) }
    GoldenFile.expectMatches(try heatmap(gradient), "heatmap_gradient_blocks.txt")
    GoldenFile.expectMatches(try heatmap(gradient, HeatmapOptions(ramp: .ascii, title: "gradient")),
                             "heatmap_gradient_ascii.txt")
}

@Test func heatmapDivergingSeparatesSigns() throws {
    let edges = try matrix(5, 8) { _, column in column == 3 ? -1 : (column == 4 ? 1 : (column == 5 ? 0.3 : 0)) }
    GoldenFile.expectMatches(try heatmap(edges), "heatmap_diverging_blocks.txt")
    GoldenFile.expectMatches(try heatmap(edges, HeatmapOptions(ramp: .ascii)), "heatmap_diverging_ascii.txt")
}

@Test func heatmapHalfBlocksDoubleTheRows() throws {
    let disk = try matrix(16, 16) { row, column in
        let (y, x) = (Double(row) - 7.5, Double(column) - 7.5)
        return x * x + y * y < 36 ? 1 : 0
    }
    GoldenFile.expectMatches(try heatmap(disk, HeatmapOptions(ramp: .half)), "heatmap_half_disk.txt")
}

@Test func heatmapDownsamplesLargeInputsAndSaysSo() throws {
    let big = try matrix(200, 300) { row, column in sin(Double(row) / 20) * cos(Double(column) / 30) }
    GoldenFile.expectMatches(try heatmap(big), "heatmap_downsampled.txt")
    let wide = try matrix(3, 500) { _, column in Double(column) }
    GoldenFile.expectMatches(try heatmap(wide, HeatmapOptions(width: 60, ramp: .ascii)), "heatmap_very_wide.txt")
    let tall = try matrix(400, 2) { row, _ in Double(row % 7) }
    GoldenFile.expectMatches(try heatmap(tall, HeatmapOptions(height: 10)), "heatmap_very_tall.txt")
}

@Test func heatmapEdgeCases() throws {
    let flat = try Tensor(repeating: 0.5, shape: [3, 4], control: .fresh)
    GoldenFile.expectMatches(try heatmap(flat), "heatmap_all_equal.txt")
    let special = try Tensor(shape: [2, 3], scalars: [.nan, .infinity, -.infinity, -0.0, 1, 2])
    GoldenFile.expectMatches(try heatmap(special), "heatmap_nan_inf.txt")
    GoldenFile.expectMatches(try heatmap(Tensor(shape: [1, 1], scalars: [3])), "heatmap_single.txt")
    GoldenFile.expectMatches(try heatmap(Tensor(shape: [0, 3], scalars: [])), "heatmap_empty.txt")
    let noChannels = try heatmap(Tensor(shape: [0, 2, 2], scalars: []))
    #expect(noChannels == "(empty 0×2×2 tensor: nothing to draw)")
}

@Test func heatmapZlimClipsAndChannelsShareTheScale() throws {
    let ramp = try matrix(4, 6) { row, column in Double(row + column) }
    GoldenFile.expectMatches(try heatmap(ramp, HeatmapOptions(ramp: .ascii, zlim: 2...6)), "heatmap_zlim.txt")
    let channels = try Tensor(shape: [3, 4, 4], scalars: (0..<48).map { Double($0 % 16) * Double($0 / 16 + 1) })
    GoldenFile.expectMatches(try heatmap(channels), "heatmap_channels.txt")
}

@Test func heatmapColorUsesAnsiTextAndHtmlSpans() throws {
    let small = try matrix(2, 3) { row, column in Double(row * 3 + column) - 2.5 }
    let figure = try Heatmap.render(small, options: HeatmapOptions(color: true), sessionWidth: 80, control: .fresh)
    GoldenFile.expectMatches(figure.text, "heatmap_color.txt")
    GoldenFile.expectMatches(figure.html ?? "", "heatmap_color.html")
    let half = try Heatmap.render(small, options: HeatmapOptions(ramp: .half, color: true), sessionWidth: 80, control: .fresh)
    GoldenFile.expectMatches(half.text, "heatmap_color_half.txt")
}

@Test func heatmapMonochromeHtmlIsEscapedPre() throws {
    let figure = try Heatmap.render(Tensor(shape: [1, 2], scalars: [0, 1]), options: HeatmapOptions(),
                                    sessionWidth: 80, control: .fresh)
    #expect(figure.html == HTMLText.preOpening + HTMLText.escape(figure.text) + "</pre>")
    #expect(!figure.text.contains("\u{1B}"))
}

@Test func heatmapRejectsBadInputWithClearErrors() throws {
    #expect(throws: TextPlotsError.self) { try heatmap(Tensor(scalar: 1)) }
    #expect(throws: TextPlotsError.self) { try heatmap(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]),
                                                       HeatmapOptions(zlim: 1...1)) }
    let many = try Tensor(repeating: 1, shape: [40, 2, 2], control: .fresh)
    #expect(throws: TextPlotsError.invalidOption(
        "heatmap: 40 channel(s) do not fit side by side in 80 columns; pass a larger 'width:' or show fewer channels, e.g. heatmap(t[0])")) {
        try heatmap(many)
    }
}
