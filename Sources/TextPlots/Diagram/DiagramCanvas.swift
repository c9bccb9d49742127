/// A character grid for a layer diagram: unit labels on their rows, and edges in the bands
/// between rows, where crossing strokes merge into `┼` or `╳` (`+` or `X` in ASCII).
struct DiagramCanvas {
    enum LabelStyle { case plain, highlighted, marked }

    private let rows: [DiagramRow]
    private let glyphs: DiagramGlyphs
    private let unitWidth: Int
    private let spacing: Int
    private let band: Int
    private var grid: [[Character?]]

    /// A canvas for `rows`, whose labels are already in the canvas's charset.
    init(rows: [DiagramRow], glyphs: DiagramGlyphs) {
        self.rows = rows
        self.glyphs = glyphs
        let unitWidth = (rows.flatMap(\.labels).map(TextWidth.columns).max() ?? 1) + 2
        let spacing = max(4, unitWidth + 1)
        self.unitWidth = unitWidth
        self.spacing = spacing
        band = spacing - 1
        let shifts = rows.map { Int(($0.offset * Double(spacing)).rounded()) }
        let widest = zip(rows, shifts).map { $1 + $0.labels.count * spacing }.max() ?? 0
        grid = Array(repeating: Array(repeating: nil, count: max(1, widest)),
                     count: rows.count + (spacing - 1) * (rows.count - 1))
    }

    /// The text line of row `row` (row 0 is drawn last, at the bottom).
    private func line(of row: Int) -> Int { (rows.count - 1 - row) * (band + 1) }

    private func left(of unit: DiagramUnit) -> Int {
        Int(((Double(unit.unit) + rows[unit.row].offset) * Double(spacing)).rounded())
    }

    /// The column edges start from: the label's first character.
    private func anchor(of unit: DiagramUnit) -> Int { left(of: unit) + 1 }

    mutating func label(_ unit: DiagramUnit, style: LabelStyle) {
        let text = rows[unit.row].labels[unit.unit]
        let (open, close): (Character, Character) = switch style {
        case .plain: (" ", " ")
        case .highlighted: ("[", "]")
        case .marked: ("(", ")")
        }
        let characters = [open] + Array(text) + [close]
        for (offset, character) in characters.enumerated() {
            put(character, line: line(of: unit.row), column: left(of: unit) + offset, merge: false)
        }
    }

    /// Draws an edge through the band between its rows, one stroke per text line.
    mutating func draw(_ edge: DiagramEdge, dotted: Bool) {
        let (lower, upper) = edge.from.row < edge.to.row ? (edge.from, edge.to) : (edge.to, edge.from)
        let start = Double(anchor(of: lower)), shift = Double(anchor(of: upper)) - start
        let slope = shift / Double(band)
        for step in 0..<band {
            let line = line(of: lower.row) - 1 - step
            let middle = Int((start + slope * (Double(step) + 0.5)).rounded())
            if abs(slope) < 0.5 {
                put(dotted ? glyphs.dottedVertical : glyphs.vertical, line: line, column: middle, merge: true)
                continue
            }
            let diagonal = dotted ? glyphs.dottedDiagonal : (slope > 0 ? glyphs.rising : glyphs.falling)
            if abs(slope) > 1.5 {
                let from = Int((start + slope * Double(step)).rounded())
                let to = Int((start + slope * Double(step + 1)).rounded())
                for column in min(from, to)...max(from, to) {
                    put(dotted ? glyphs.dottedHorizontal : glyphs.horizontal, line: line, column: column, merge: true)
                }
            }
            put(diagonal, line: line, column: middle, merge: true)
        }
    }

    private mutating func put(_ character: Character, line: Int, column: Int, merge: Bool) {
        guard grid.indices.contains(line), column >= 0 else { return }
        if column >= grid[line].count {
            for index in grid.indices { grid[index] += Array(repeating: nil, count: column + 1 - grid[index].count) }
        }
        guard merge, let existing = grid[line][column] else {
            grid[line][column] = character
            return
        }
        grid[line][column] = merged(existing, character)
    }

    /// Two strokes in one cell: solid wins over dotted, diagonals cross as `╳`, straight as `┼`.
    private func merged(_ old: Character, _ new: Character) -> Character {
        let dotted = glyphs.dotted
        switch (dotted.contains(old), dotted.contains(new)) {
        case _ where old == new: return old
        case (false, true): return old
        case (true, false): return new
        case (true, true): return glyphs.dottedDiagonal
        case (false, false):
            let diagonals = glyphs.diagonals
            return diagonals.contains(old) || diagonals.contains(new) ? glyphs.diagonalCross : glyphs.straightCross
        }
    }

    func lines() -> [String] {
        grid.map { TextWidth.trimmingTrailingSpaces(String($0.map { $0 ?? " " })) }
    }
}
