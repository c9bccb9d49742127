/// Draws an error the same way for the terminal and for Jupyter tracebacks:
/// "Kind: message", then the offending source line and a caret line under its columns.
public enum DiagnosticFormatter {
    /// The widest excerpt of a source line shown; longer lines are cut around the error.
    static let maximumWidth = 100

    /// The lines of one error: the headline, then (when the range is known) the source line
    /// prefixed with its number and the carets.
    public static func lines(for error: RuntimeError, in source: String) -> [String] {
        let headline = "\(error.kind.rawValue): \(error.message)"
        guard let range = error.range else { return [headline] }
        // Lines split on "\n" scalars, as the lexer counts them ("\r\n" is one Character).
        let sourceLines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = range.start.line - 1
        guard lineIndex >= 0 && lineIndex < sourceLines.count else { return [headline] }
        let scalars = sourceLines[lineIndex].map { $0 == "\t" || $0 == "\r" ? " " : $0 }
        let start = min(range.start.column, scalars.count + 1) - 1
        let end = range.end.line == range.start.line ? min(range.end.column - 1, scalars.count) : scalars.count
        let excerpt = Excerpt(scalars, around: start)
        let width = max(1, min(end, excerpt.last) - start)
        let carets = String(repeating: " ", count: excerpt.column(of: start)) + String(repeating: "^", count: width)
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        return [headline, "\(number) | \(excerpt.text)", "\(gutter) | \(carets)"]
    }

    /// The part of a long line shown around a column, with "…" where it was cut.
    private struct Excerpt {
        let text: String
        let first: Int
        let last: Int

        init(_ scalars: [Unicode.Scalar], around column: Int) {
            first = scalars.count > maximumWidth ? max(0, min(column - 20, scalars.count - maximumWidth)) : 0
            last = min(scalars.count, first + maximumWidth)
            let shown = String(String.UnicodeScalarView(scalars[first..<last]))
            text = (first > 0 ? "…" : "") + shown + (last < scalars.count ? "…" : "")
        }

        /// Where a source column (0-based) appears in the excerpt.
        func column(of sourceColumn: Int) -> Int {
            sourceColumn - first + (first > 0 ? 1 : 0)
        }
    }
}
