/// Session-wide rendering settings (`set(width:, precision:, threshold:, charset:)` in the language).
public struct RenderOptions: Sendable, Equatable {
    /// Total width in terminal columns.
    public var width: Int
    /// Digits after the decimal point for tensors (numpy's `precision`).
    public var precision: Int
    /// Element count above which tensors are summarised with `...` (numpy's `threshold`).
    public var threshold: Int
    /// Items shown at each edge of a summarised axis (numpy's `edgeitems`).
    public var edgeItems: Int
    /// The characters figures, results and messages are drawn with.
    public var charset: Charset

    /// Creates options; the defaults are numpy's, an 80-column screen and Unicode.
    public init(width: Int = 80, precision: Int = 8, threshold: Int = 1000, edgeItems: Int = 3,
                charset: Charset = .unicode) {
        self.width = width
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.charset = charset
    }
}
