/// The frame around a plotting area (heatmaps, the large spy view, line plots) and the rule
/// under a table's header, in each charset.
struct FrameGlyphs {
    let topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    /// The top and bottom edges, and a table's header rule.
    let horizontal: Character
    /// The left and right edges, and a line plot's y axis.
    let vertical: Character
    /// A tick on a line plot's y axis (where a label is).
    let leftTick: Character
    /// A tick on a line plot's x axis.
    let bottomTick: Character

    static let unicode = FrameGlyphs(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                     horizontal: "─", vertical: "│", leftTick: "┤", bottomTick: "┬")
    static let ascii = FrameGlyphs(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                   horizontal: "-", vertical: "|", leftTick: "+", bottomTick: "+")

    static func of(_ charset: Charset) -> FrameGlyphs {
        charset == .ascii ? ascii : unicode
    }

    /// `┌────┐` around `width` columns.
    func top(_ width: Int) -> String {
        String(topLeft) + rule(width) + String(topRight)
    }

    /// `└────┘` around `width` columns.
    func bottom(_ width: Int) -> String {
        String(bottomLeft) + rule(width) + String(bottomRight)
    }

    /// `width` horizontal strokes.
    func rule(_ width: Int) -> String {
        String(repeating: horizontal, count: max(0, width))
    }
}
