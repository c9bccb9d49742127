import TextPlots

/// Draws an error the same way for the terminal and for Jupyter tracebacks:
/// "Kind: message", then the offending source line and a caret line under its columns.
public enum DiagnosticFormatter {
    /// The widest excerpt of a source line shown; longer lines are cut around the error.
    static let maximumWidth = 100

    /// The lines of one error: the headline, then (when the range is known) the source line
    /// prefixed with its number and the carets. In ASCII the message is spelt in ASCII and a
    /// cut line is marked with `...`; the source itself is shown as written.
    public static func lines(for error: RuntimeError, in source: String, charset: Charset = .unicode) -> [String] {
        let headline = "\(error.kind.rawValue): " + charset.spell(error.message)
        guard let range = error.range else { return [headline] }
        // Lines split on "\n" scalars, as the lexer counts them ("\r\n" is one Character).
        let sourceLines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = range.start.line - 1
        guard lineIndex >= 0 && lineIndex < sourceLines.count else { return [headline] }
        let scalars = sourceLines[lineIndex].map { $0 == "\t" || $0 == "\r" ? " " : $0 }
        let start = min(range.start.column, scalars.count + 1) - 1
        let end = range.end.line == range.start.line ? min(range.end.column - 1, scalars.count) : scalars.count
        let excerpt = Excerpt(scalars, around: start, cut: charset == .ascii ? "..." : "…")
        let width = max(1, min(end, excerpt.last) - start)
        let carets = String(repeating: " ", count: excerpt.column(of: start)) + String(repeating: "^", count: width)
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        return [headline, "\(number) | \(excerpt.text)", "\(gutter) | \(carets)"]
    }

    /// The part of a long line shown around a column, with `cut` ("…" or "...") where it was cut.
    private struct Excerpt {
        let text: String
        let first: Int
        let last: Int
        /// Columns the mark before the excerpt takes.
        private let leadingMark: Int

        init(_ scalars: [Unicode.Scalar], around column: Int, cut: String) {
            first = scalars.count > maximumWidth ? max(0, min(column - 20, scalars.count - maximumWidth)) : 0
            last = min(scalars.count, first + maximumWidth)
            leadingMark = first > 0 ? cut.count : 0
            let shown = String(String.UnicodeScalarView(scalars[first..<last]))
            text = (first > 0 ? cut : "") + shown + (last < scalars.count ? cut : "")
        }

        /// Where a source column (0-based) appears in the excerpt.
        func column(of sourceColumn: Int) -> Int {
            sourceColumn - first + leadingMark
        }
    }
}
