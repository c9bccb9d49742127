/// Decides whether code can run yet (Jupyter's `is_complete`, the REPL's continuation lines;
/// docs/language.md#syntax).
///
/// The code is parsed as if the user pressed Enter (a newline appended): if that parses it is
/// complete. If the only errors are at the end of the input, inside an open bracket or block
/// (where more lines can follow), or an open string on the last line, more lines are coming:
/// incomplete. Any other error (two operators in a row, an unmatched closing bracket, a
/// keyword in the wrong place, a trailing operator outside brackets, whose statement the
/// newline ends) cannot be mended by adding lines: invalid, and the front end runs the code to
/// show the error.
enum CompletenessChecker {
    /// The indentation suggested per open bracket or block.
    static let indentUnit = "    "

    /// Checks `code`.
    static func check(_ code: String) -> Completeness {
        let original = Lexer(code)
        if original.hasUnmatchedClose { return .invalid }
        let entered = code + "\n"
        let lexer = Lexer(entered)
        var parser = Parser(tokens: lexer.tokens)
        _ = parser.program()
        let end = entered.unicodeScalars.count
        // An open string on the last line: its lexical error is expected, not a reason to refuse.
        let lexicalErrors = original.endedInsideString ? [] : lexer.errors
        let errors = lexicalErrors + parser.errors
        if errors.isEmpty && !original.endedInsideString { return .complete }
        let atEnd = errors.allSatisfy { ($0.range?.start.offset ?? 0) >= end && $0.kind == .syntax }
        guard atEnd, original.endedInsideString || !original.openBrackets.isEmpty else { return .invalid }
        return .incomplete(indent: String(repeating: indentUnit, count: original.openBrackets.count))
    }
}
