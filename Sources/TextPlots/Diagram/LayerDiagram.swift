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
        let rows = rows.map { DiagramRow(labels: $0.labels.map(charset.spell), offset: $0.offset) }
        var canvas = DiagramCanvas(rows: rows, glyphs: .of(charset))
        let solid = highlight.map { $0.marked.union([$0.unit]) }
        for edge in edges {
            let bold = solid.map { $0.contains(edge.from) && $0.contains(edge.to) } ?? true
            canvas.draw(edge, dotted: !bold)
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
        let text = lines.joined(separator: "\n")
        return Figure(text: text, html: HTMLText.pre(text))
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
