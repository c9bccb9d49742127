/// Draws an error the same way for the terminal and for Jupyter tracebacks:
/// "Kind: message", then the offending source line and a caret line under its columns.
public enum DiagnosticFormatter {
    /// The lines of one error: the headline, then (when the range is known) the source line
    /// prefixed with its number and the carets.
    public static func lines(for error: RuntimeError, in source: String) -> [String] {
        let headline = "\(error.kind.rawValue): \(error.message)"
        guard let range = error.range else { return [headline] }
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = range.start.line - 1
        guard lineIndex >= 0 && lineIndex < sourceLines.count else { return [headline] }
        let text = String(sourceLines[lineIndex]).replacingTabs()
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let lineLength = text.unicodeScalars.count
        let startColumn = min(range.start.column, lineLength + 1)
        let endColumn = range.end.line == range.start.line ? range.end.column : lineLength + 1
        let width = max(1, min(endColumn, lineLength + 1) - startColumn)
        let carets = String(repeating: " ", count: startColumn - 1) + String(repeating: "^", count: width)
        return [headline, "\(number) | \(text)", "\(gutter) | \(carets)"]
    }
}

extension String {
    /// Tabs become single spaces so that carets line up with the columns the lexer counted.
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
