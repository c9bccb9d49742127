/// The strokes of a layer diagram in each charset: solid edges for the highlighted paths,
/// dotted ones for the rest, and what two strokes in one cell merge into.
struct DiagramGlyphs {
    let vertical: Character, dottedVertical: Character
    let rising: Character, falling: Character, dottedDiagonal: Character
    let horizontal: Character, dottedHorizontal: Character
    /// Two diagonals crossing, and two straight strokes crossing.
    let diagonalCross: Character, straightCross: Character

    static let unicode = DiagramGlyphs(vertical: "│", dottedVertical: "┊", rising: "╱", falling: "╲",
                                       dottedDiagonal: "·", horizontal: "─", dottedHorizontal: "┈",
                                       diagonalCross: "╳", straightCross: "┼")
    static let ascii = DiagramGlyphs(vertical: "|", dottedVertical: ":", rising: "/", falling: "\\",
                                     dottedDiagonal: ".", horizontal: "-", dottedHorizontal: ".",
                                     diagonalCross: "X", straightCross: "+")

    static func of(_ charset: Charset) -> DiagramGlyphs {
        charset == .ascii ? ascii : unicode
    }

    var dotted: Set<Character> { [dottedVertical, dottedDiagonal, dottedHorizontal] }
    var diagonals: Set<Character> { [rising, falling, diagonalCross] }
}
