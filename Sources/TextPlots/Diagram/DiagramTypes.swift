/// One row of units in a layer diagram, e.g. the inputs `x1 … x5`. Unit `u` stands at
/// `offset + step × u`, measured in unit spacings of the bottom row, so each output of a layer
/// can stand over the middle of the window it reads.
public struct DiagramRow: Sendable, Equatable {
    /// The units' labels, left to right.
    public var labels: [String]
    /// Where the first unit stands, in unit spacings (e.g. 1 puts the first unit of a "valid"
    /// convolution's output above the second input).
    public var offset: Double
    /// The distance between neighbouring units, in unit spacings (e.g. 2 for the outputs of a
    /// stride-2 layer over its inputs).
    public var step: Double

    /// Creates a row.
    public init(labels: [String], offset: Double = 0, step: Double = 1) {
        self.labels = labels
        self.offset = offset
        self.step = step
    }

    /// A row named like the book's figures: `prefix1 … prefixN`.
    public init(prefix: String, count: Int, offset: Double = 0, step: Double = 1) {
        self.init(labels: (0..<max(0, count)).map { prefix + String($0 + 1) }, offset: offset, step: step)
    }

    /// Where unit `unit` stands, in unit spacings.
    func position(_ unit: Int) -> Double { offset + step * Double(unit) }
}

/// A unit of a diagram: its row (0 is the bottom row) and its index in the row.
public struct DiagramUnit: Sendable, Hashable {
    /// The row, 0 at the bottom.
    public var row: Int
    /// The 0-based index in the row.
    public var unit: Int

    /// Creates a unit reference.
    public init(row: Int, unit: Int) {
        self.row = row
        self.unit = unit
    }
}

/// A connection between units of adjacent rows.
public struct DiagramEdge: Sendable, Hashable {
    /// One end.
    public var from: DiagramUnit
    /// The other end, in the row just above or below.
    public var to: DiagramUnit

    /// Creates an edge.
    public init(from: DiagramUnit, to: DiagramUnit) {
        self.from = from
        self.to = to
    }

    /// Creates an edge from row/unit indices.
    public init(fromRow: Int, fromUnit: Int, toRow: Int, toUnit: Int) {
        self.init(from: DiagramUnit(row: fromRow, unit: fromUnit), to: DiagramUnit(row: toRow, unit: toUnit))
    }
}

/// The unit a diagram points at and the units it marks with it (those it affects, or those
/// that affect it); edges between marked units are drawn solid, all others dotted.
public struct DiagramHighlight: Sendable, Equatable {
    /// The highlighted unit, drawn as `[x3]`.
    public var unit: DiagramUnit
    /// The marked units, drawn as `(s2)`.
    public var marked: Set<DiagramUnit>
    /// What the marks mean, for the legend, e.g. "affected by x3".
    public var meaning: String

    /// Creates a highlight.
    public init(unit: DiagramUnit, marked: Set<DiagramUnit>, meaning: String) {
        self.unit = unit
        self.marked = marked
        self.meaning = meaning
    }
}
