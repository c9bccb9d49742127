/// The characters figures and messages are drawn with (`set(charset:)` in the language).
///
/// Every renderer keeps its own table of Unicode glyphs and the ASCII glyphs that stand for
/// them (`FrameGlyphs`, `DiagramGlyphs`, `SpyGlyphs`, `BarChart.Glyphs`, the heatmap's and
/// the line plot's ramps and marks), always one column for one column, so that a picture keeps
/// its alignment in both charsets. Text inside figures and messages (titles, labels, legends,
/// errors) is spelt in ASCII by `spell(_:)`.
public enum Charset: String, Sendable, CaseIterable {
    /// Box drawing, block elements, Braille and typographic symbols (`×`, `…`, `→`): the
    /// default in Jupyter and in terminals whose locale is UTF-8.
    case unicode
    /// Printable ASCII only (bytes 0x20–0x7E and newlines): for terminals, logs and documents
    /// that cannot show Unicode.
    case ascii

    /// `text` with the typographic symbols Receptive writes spelt in ASCII (`2×3` → `2x3`,
    /// `…` → `...`, `→` → `->`, `≥` → `>=`); unchanged in Unicode. Other characters (a
    /// user's `é`) are kept: they are the user's own text.
    ///
    /// Replacements may be longer than the symbol, so spell text before laying it out, never
    /// inside a finished picture.
    public func spell(_ text: String) -> String {
        guard self == .ascii, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let spelling = Charset.spellings[scalar] {
                result += spelling
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The ASCII spelling of every symbol that Receptive's messages, documentation and figure
    /// legends use (tests check that every builtin's help, and everything an ASCII session
    /// writes, comes out as printable ASCII).
    static let spellings: [Unicode.Scalar: String] = [
        "×": "x", "…": "...", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~",
        "±": "+-", "·": "*", "−": "-", "–": "-", "—": "--", "²": "^2", "√": "sqrt", "÷": "/",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "\u{00A0}": " ",
    ]
}
