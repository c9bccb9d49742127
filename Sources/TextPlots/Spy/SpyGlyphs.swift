/// The spy plot's glyphs in each charset: the grid's marks, and how the large view shows
/// which of a character's 2×4 blocks hold a nonzero.
struct SpyGlyphs {
    /// The grid's mark for a nonzero entry.
    let nonzero: String
    /// The grid's mark for a zero entry (also with letters).
    let zero: String
    /// The large view's characters by the number of blocks on (0…8); nil draws each block as
    /// a Braille dot.
    let density: [Character]?

    static let unicode = SpyGlyphs(nonzero: "●", zero: "·", density: nil)
    static let ascii = SpyGlyphs(nonzero: "#", zero: ".", density: Array(" .:-=+*#@"))

    static func of(_ charset: Charset) -> SpyGlyphs {
        charset == .ascii ? ascii : unicode
    }
}
