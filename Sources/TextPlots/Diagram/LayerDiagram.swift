/// Layer diagrams like the book's figures 9.2–9.4: rows of units (inputs at the bottom),
/// edges between adjacent rows drawn with box-drawing characters (`/`, `\`, `|` in ASCII),
/// and a highlighted unit with the units it connects to.
public enum LayerDiagram {
    /// The most units a row may have and still read well; beyond it, use a spy plot.
    public static let maxUnits = 16

    /// Draws `rows` (row 0 at the bottom) joined by `edges`.
    public static func render(rows: [DiagramRow], edges: [DiagramEdge], highlight: DiagramHighlight? = nil,
                              title: String? = nil, charset: Charset = .unicode) throws -> Figure {
        try validate(rows: rows, edges: edges, highlight: highlight)
        let rows = rows.map { DiagramRow(labels: $0.labels.map(charset.spell), offset: $0.offset, step: $0.step) }
        let solid = highlight.map { $0.marked.union([$0.unit]) }
        func isSolid(_ edge: DiagramEdge) -> Bool { solid.map { $0.contains(edge.from) && $0.contains(edge.to) } ?? true }
        // In a band where every unit joins every unit (a dense layer), dotted context edges
        // only hide the highlighted ones in a tangle of crossings: draw the highlighted ones alone.
        let complete = completeBands(rows: rows, edges: edges)
        let crowded = highlight == nil ? [] : complete
        let drawn = edges.filter { isSolid($0) || !crowded.contains(min($0.from.row, $0.to.row)) }
        var canvas = DiagramCanvas(rows: rows, edges: drawn, completeBands: complete.subtracting(crowded),
                                   glyphs: .of(charset))
        for edge in drawn {
            canvas.draw(edge, dotted: !isSolid(edge))
        }
        for (index, row) in rows.enumerated() {
            for unit in row.labels.indices {
                let reference = DiagramUnit(row: index, unit: unit)
                let style: DiagramCanvas.LabelStyle = highlight?.unit == reference ? .highlighted
                    : (highlight?.marked.contains(reference) == true ? .marked : .plain)
                canvas.label(reference, style: style)
            }
        }
        var lines = title.map { [charset.spell($0)] } ?? []
        lines += canvas.lines()
        if let highlight {
            let name = rows[highlight.unit.row].labels[highlight.unit.unit]
            lines.append(charset.spell("[\(name)] highlighted   (…) \(highlight.meaning)"))
        }
        for band in complete.sorted() {
            let (below, above) = (rows[band], rows[band + 1])
            lines.append(charset.spell(
                "every \(prefix(below)) joins every \(prefix(above)) (\(below.labels.count * above.labels.count) edges)"
                    + (crowded.contains(band) ? "; only the highlighted paths are drawn" : "")))
        }
        let text = lines.joined(separator: "\n")
        return Figure(text: text, html: HTMLText.pre(text))
    }

    /// The bands (by their lower row) in which every unit below joins every unit above, with
    /// at least three units on each side: drawn in full, those are a tangle.
    private static func completeBands(rows: [DiagramRow], edges: [DiagramEdge]) -> Set<Int> {
        var pairs: [Int: Set<[Int]>] = [:]
        for edge in edges {
            let (lower, upper) = edge.from.row < edge.to.row ? (edge.from, edge.to) : (edge.to, edge.from)
            pairs[lower.row, default: []].insert([lower.unit, upper.unit])
        }
        return Set(pairs.compactMap { band, joined in
            let (below, above) = (rows[band].labels.count, rows[band + 1].labels.count)
            return below >= 3 && above >= 3 && joined.count == below * above ? band : nil
        })
    }

    /// The name shared by a row's labels (`x` for x1…x5), or the first label.
    private static func prefix(_ row: DiagramRow) -> String {
        let first = row.labels.first ?? ""
        let stem = String(first.prefix { !$0.isNumber })
        return stem.isEmpty ? first : stem
    }

    private static func validate(rows: [DiagramRow], edges: [DiagramEdge], highlight: DiagramHighlight?) throws {
        guard !rows.isEmpty else { throw TextPlotsError.invalidInput("diagram: expected at least one row of units, found none") }
        for row in rows where row.labels.count > maxUnits {
            throw TextPlotsError.invalidInput(
                "diagram: a row has \(row.labels.count) units, but diagrams stay readable only up to "
                    + "\(maxUnits) per row; use a smaller input, or spy(connectivity(layer, input: …)) to see all connections")
        }
        func check(_ unit: DiagramUnit) throws {
            guard rows.indices.contains(unit.row), rows[unit.row].labels.indices.contains(unit.unit) else {
                throw TextPlotsError.invalidInput("diagram: unit \(unit.unit) of row \(unit.row) does not exist")
            }
        }
        for edge in edges {
            try check(edge.from)
            try check(edge.to)
            guard abs(edge.from.row - edge.to.row) == 1 else {
                throw TextPlotsError.invalidInput(
                    "diagram: edges join adjacent rows, found one from row \(edge.from.row) to row \(edge.to.row)")
            }
        }
        if let highlight {
            try check(highlight.unit)
            try highlight.marked.forEach(check)
        }
    }
}
