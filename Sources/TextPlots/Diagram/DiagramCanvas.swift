/// A character grid for a layer diagram: unit labels on their rows, and edges in the bands
/// between rows, where crossing strokes merge into `┼` or `╳` (`+` or `X` in ASCII).
///
/// A band is as tall as its steepest edge needs to climb at most 1.5 columns per line, so that
/// every edge is a diagonal stroke rather than a run of horizontal ones (which is how edges of
/// strided layers, whose outputs stand far apart, used to turn into `─╳─` runs).
struct DiagramCanvas {
    enum LabelStyle { case plain, highlighted, marked }

    /// The steepest an edge is drawn as a plain diagonal: columns per line.
    private static let steepest = 1.5
    /// The tallest band, in lines; edges steeper than it allows get horizontal strokes.
    private static let tallestBand = 12

    private let rows: [DiagramRow]
    private let glyphs: DiagramGlyphs
    private let spacing: Int
    /// How far right every unit moves so that the leftmost one starts at column 0.
    private let shift: Double
    /// The height of the band above each row but the top one.
    private let bands: [Int]
    private var grid: [[Character?]]

    /// A canvas for `rows`, whose labels are already in the canvas's charset, sized for `edges`.
    /// Bands listed in `completeBands` (every unit joins every unit) keep the base height: taller
    /// ones would not untangle them, only take more lines.
    init(rows: [DiagramRow], edges: [DiagramEdge], completeBands: Set<Int>, glyphs: DiagramGlyphs) {
        self.rows = rows
        self.glyphs = glyphs
        let unitWidth = (rows.flatMap(\.labels).map(TextWidth.columns).max() ?? 1) + 2
        let spacing = max(4, unitWidth + 1)
        self.spacing = spacing
        let leftmost = rows.filter { !$0.labels.isEmpty }
            .map { min($0.position(0), $0.position($0.labels.count - 1)) }.min() ?? 0
        let shift = -min(0, leftmost)
        self.shift = shift
        var bands = Array(repeating: spacing - 1, count: max(0, rows.count - 1))
        for edge in edges where !completeBands.contains(min(edge.from.row, edge.to.row)) {
            let lower = min(edge.from.row, edge.to.row)
            let (from, to) = edge.from.row < edge.to.row ? (edge.from, edge.to) : (edge.to, edge.from)
            let columns = abs(rows[to.row].position(to.unit) - rows[from.row].position(from.unit)) * Double(spacing)
            let needed = Int((columns / DiagramCanvas.steepest).rounded(.up))
            bands[lower] = max(bands[lower], min(DiagramCanvas.tallestBand, needed))
        }
        self.bands = bands
        let widest = rows.filter { !$0.labels.isEmpty }
            .map { Int((($0.position($0.labels.count - 1) + shift) * Double(spacing)).rounded()) + unitWidth }
            .max() ?? 0
        grid = Array(repeating: Array(repeating: nil, count: max(1, widest)),
                     count: rows.count + bands.reduce(0, +))
    }

    /// The text line of row `row` (row 0 is drawn last, at the bottom).
    private func line(of row: Int) -> Int {
        (row..<(rows.count - 1)).reduce(0) { $0 + bands[$1] + 1 }
    }

    private func left(of unit: DiagramUnit) -> Int {
        Int(((rows[unit.row].position(unit.unit) + shift) * Double(spacing)).rounded())
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
        let band = bands[lower.row]
        // A unit standing between two units of the row below (the output of a window of two,
        // as in pooling or [-1, 1]) has no edge straight up into it. Its edges use both
        // characters of the labels (at least two wide): one rising from the left leaves a
        // label's second character and arrives at the first, one from the right the other way
        // round, so they meet as ╱╲ over the unit and part as ╲╱ under a shared input instead of
        // merging into ╳.
        let below = rows[lower.row]
        let place = (rows[upper.row].position(upper.unit) - below.offset) / below.step
        let between = abs(place - place.rounded()) > 0.25
        let from = anchor(of: lower), to = anchor(of: upper)
        let rising = between && to > from ? 1 : 0, falling = between && to < from ? 1 : 0
        let start = Double(from + rising), shift = Double(to + falling) - start
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
