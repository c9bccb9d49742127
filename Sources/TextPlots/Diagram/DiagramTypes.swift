/// One row of units in a layer diagram, e.g. the inputs `x1 … x5`.
public struct DiagramRow: Sendable, Equatable {
    /// The units' labels, left to right.
    public var labels: [String]
    /// Shift of the whole row to the right, in unit spacings (e.g. 1 puts the first unit of
    /// a "valid" convolution's output above the second input).
    public var offset: Double

    /// Creates a row.
    public init(labels: [String], offset: Double = 0) {
        self.labels = labels
        self.offset = offset
    }

    /// A row named like the book's figures: `prefix1 … prefixN`.
    public init(prefix: String, count: Int, offset: Double = 0) {
        self.init(labels: (0..<max(0, count)).map { prefix + String($0 + 1) }, offset: offset)
    }
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
