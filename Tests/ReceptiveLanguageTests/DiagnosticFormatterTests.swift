@testable import ReceptiveLanguage
import Testing

/// The one formatter behind CLI errors and Jupyter tracebacks.
struct DiagnosticFormatterTests {
    private func error(line: Int, from start: Int, to end: Int) -> RuntimeError {
        RuntimeError(.type, "bad", at: SourceRange(start: SourceLocation(line: line, column: start, offset: 0),
                                                   end: SourceLocation(line: line, column: end, offset: 0)))
    }

    @Test func drawsTheLineAndCaretsUnderTheRange() {
        let lines = DiagnosticFormatter.lines(for: error(line: 2, from: 5, to: 8), in: "a = 1\nb = abc + 1")
        #expect(lines == ["TypeError: bad", "2 | b = abc + 1", "  |     ^^^"])
    }

    @Test func anErrorWithoutARangeIsItsHeadlineOnly() {
        #expect(DiagnosticFormatter.lines(for: RuntimeError(.io, "gone"), in: "x") == ["IOError: gone"])
    }

    @Test func longLinesAreCutAroundTheError() {
        let source = String(repeating: "a", count: 300) + " + oops"
        let lines = DiagnosticFormatter.lines(for: error(line: 1, from: 304, to: 308), in: source)
        #expect(lines[1] == "1 | …" + String(repeating: "a", count: 93) + " + oops")
        #expect(lines[2] == "  | " + String(repeating: " ", count: 97) + "^^^^")
    }

    @Test func windowsLineEndingsCountAsOneLine() {
        let lines = DiagnosticFormatter.lines(for: error(line: 2, from: 1, to: 2), in: "x = 1\r\ny = 2\r\n")
        #expect(lines == ["TypeError: bad", "2 | y = 2 ", "  | ^"])
    }
}
