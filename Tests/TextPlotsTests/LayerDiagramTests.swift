import Testing
import TextPlots

@Test func diagramOfAConvolutionLayer() throws {
    let rows = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "s", count: 5)]
    let plain = try LayerDiagram.render(rows: rows, edges: convolutionEdges(units: 5, below: 0))
    GoldenFile.expectMatches(plain.text, "diagram_conv.txt")
    let highlight = DiagramHighlight(unit: DiagramUnit(row: 0, unit: 2),
                                     marked: [DiagramUnit(row: 1, unit: 1), DiagramUnit(row: 1, unit: 2),
                                              DiagramUnit(row: 1, unit: 3)],
                                     meaning: "affected by x3")
    let marked = try LayerDiagram.render(rows: rows, edges: convolutionEdges(units: 5, below: 0),
                                         highlight: highlight, title: "sparse connectivity")
    GoldenFile.expectMatches(marked.text, "diagram_conv_highlight.txt")
}

@Test func diagramOfADenseLayerAndAStack() throws {
    let rows = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "s", count: 5)]
    let dense = (0..<5).flatMap { i in (0..<5).map { DiagramEdge(fromRow: 0, fromUnit: i, toRow: 1, toUnit: $0) } }
    GoldenFile.expectMatches(try LayerDiagram.render(rows: rows, edges: dense).text, "diagram_dense.txt")
    let stack = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "h", count: 5), DiagramRow(prefix: "g", count: 5)]
    let edges = convolutionEdges(units: 5, below: 0) + convolutionEdges(units: 5, below: 1)
    let field: Set<DiagramUnit> = Set((0..<5).map { DiagramUnit(row: 0, unit: $0) }
        + (1...3).map { DiagramUnit(row: 1, unit: $0) })
    let highlight = DiagramHighlight(unit: DiagramUnit(row: 2, unit: 2), marked: field, meaning: "affect g3")
    GoldenFile.expectMatches(try LayerDiagram.render(rows: stack, edges: edges, highlight: highlight).text,
                             "diagram_stack_receptive_field.txt")
}

@Test func diagramOfAValidConvolutionWithOffset() throws {
    let rows = [DiagramRow(prefix: "x", count: 5), DiagramRow(prefix: "s", count: 3, offset: 1)]
    let edges = (0..<3).flatMap { output in
        (0..<3).map { DiagramEdge(fromRow: 0, fromUnit: output + $0, toRow: 1, toUnit: output) }
    }
    GoldenFile.expectMatches(try LayerDiagram.render(rows: rows, edges: edges).text, "diagram_valid_offset.txt")
}

/// The first column of the unit label `label` (not followed by a digit: x1, not x10) in the diagram.
private func column(of label: String, in lines: [String]) throws -> Int {
    for line in lines {
        let characters = Array(line)
        let target = Array(label)
        for start in characters.indices where Array(characters[start...].prefix(target.count)) == target {
            let next = start + target.count
            if next == characters.count || !characters[next].isNumber { return start }
        }
    }
    Issue.record("no unit \(label) in the diagram")
    return -1
}

@Test func stridedOutputsStandOverTheMiddleOfTheirWindowsAndTouchingWindowsDoNotCross() throws {
    let figure = try LayerDiagram.render(rows: stridedRows, edges: stridedEdges, highlight: stridedHighlight)
    GoldenFile.expectMatches(figure.text, "diagram_stride.txt")
    let lines = figure.text.split(separator: "\n").map(String.init)
    // h_j over x_{2j+2} (1-based: the middle of x_{2j+1}…x_{2j+3}), g_k over h_{2k+2}.
    for j in 1...5 { #expect(try column(of: "h\(j)", in: lines) == (try column(of: "x\(2 * j)", in: lines))) }
    for k in 1...2 { #expect(try column(of: "g\(k)", in: lines) == (try column(of: "h\(2 * k)", in: lines))) }
    // Neighbouring windows share one input and no edge crosses another.
    #expect(!figure.text.contains("╳") && !figure.text.contains("┼") && !figure.text.contains("─"))
}

@Test func aHighlightedDenseLayerDrawsOnlyTheHighlightedFan() throws {
    let figure = try LayerDiagram.render(rows: CharsetCase.units5, edges: denseEdges, highlight: fanOut(of: 2))
    GoldenFile.expectMatches(figure.text, "diagram_dense_highlight.txt")
    #expect(figure.text.hasSuffix("every x joins every s (25 edges); only the highlighted paths are drawn"))
    // Five solid edges leave x3 and nothing else is drawn: no dotted strokes, no crossings but at x3.
    #expect(!figure.text.contains("┊") && !figure.text.contains("·") && !figure.text.contains("┼"))
}

@Test func pooledOutputsStandBetweenTheirInputs() throws {
    let figure = try LayerDiagram.render(rows: pooledRows, edges: pooledEdges)
    GoldenFile.expectMatches(figure.text, "diagram_pool.txt")
    let lines = figure.text.split(separator: "\n").map(String.init)
    for s in 1...3 {
        let (left, right) = (try column(of: "x\(2 * s - 1)", in: lines), try column(of: "x\(2 * s)", in: lines))
        #expect(try column(of: "s\(s)", in: lines) > left && (try column(of: "s\(s)", in: lines)) < right)
    }
    #expect(!figure.text.contains("╳"))
}

@Test func diagramRejectsLargeRowsAndBadEdges() throws {
    let big = [DiagramRow(prefix: "x", count: 17)]
    #expect(throws: TextPlotsError.invalidInput(
        "diagram: a row has 17 units, but diagrams stay readable only up to 16 per row; "
            + "use a smaller input, or spy(connectivity(layer, input: …)) to see all connections")) {
        try LayerDiagram.render(rows: big, edges: [])
    }
    let rows = [DiagramRow(prefix: "x", count: 2), DiagramRow(prefix: "h", count: 2), DiagramRow(prefix: "g", count: 2)]
    #expect(throws: TextPlotsError.self) {
        try LayerDiagram.render(rows: rows, edges: [DiagramEdge(fromRow: 0, fromUnit: 0, toRow: 2, toUnit: 0)])
    }
    #expect(throws: TextPlotsError.self) {
        try LayerDiagram.render(rows: rows, edges: [DiagramEdge(fromRow: 0, fromUnit: 5, toRow: 1, toUnit: 0)])
    }
}
