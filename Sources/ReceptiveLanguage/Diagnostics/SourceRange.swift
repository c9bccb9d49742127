/// A position in a cell's source: 1-based line and column (in Unicode scalars), and the
/// 0-based offset in Unicode scalars from the start of the source.
public struct SourceLocation: Sendable, Equatable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// 0-based offset in Unicode scalars.
    public var offset: Int

    /// Creates a location.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Orders by offset.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range of source, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Equatable {
    /// The first character.
    public var start: SourceLocation
    /// Just past the last character.
    public var end: SourceLocation

    /// Creates a range.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func merged(with other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
