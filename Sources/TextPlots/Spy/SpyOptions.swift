/// How `Spy.render` draws a matrix's pattern of nonzeros.
public struct SpyOptions: Sendable, Equatable {
    /// Names for the rows (e.g. `s1…s5`), shown on the small grid; nil shows 0-based indices.
    public var rowLabels: [String]?
    /// Names for the columns (e.g. `x1…x5`); nil shows 0-based indices.
    public var columnLabels: [String]?
    /// Draw weight indices as letters (1 → a, 2 → b, …, 27 → A), for `sharing` matrices.
    public var letters: Bool
    /// How many weights the indices of a `letters` grid are drawn from (the layer's weights),
    /// for the legend; nil when unknown (the legend then counts only the weights drawn).
    public var weightCount: Int?
    /// Matrices with at most this many rows and columns are drawn as a `●`/`·` grid (`#`/`.`).
    public var gridLimit: Int
    /// Total width in columns; nil uses the session width.
    public var width: Int?
    /// Most lines the large view (Braille, or the ASCII ramp) may take; nil means 24.
    public var height: Int?
    /// A line above the figure.
    public var title: String?
    /// The characters: in ASCII the grid marks are `#`/`.` and large matrices draw with a
    /// density ramp instead of Braille.
    public var charset: Charset

    /// Creates options; the defaults draw up to 40×40 as a grid and larger on Braille, in Unicode.
    public init(rowLabels: [String]? = nil, columnLabels: [String]? = nil, letters: Bool = false,
                weightCount: Int? = nil, gridLimit: Int = 40, width: Int? = nil, height: Int? = nil, title: String? = nil,
                charset: Charset = .unicode) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.letters = letters
        self.weightCount = weightCount
        self.gridLimit = gridLimit
        self.width = width
        self.height = height
        self.title = title
        self.charset = charset
    }
}
