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
        let lexer = Lexer(code)
        if lexer.hasUnmatchedClose { return .invalid }
        var parser = Parser(tokens: pressingEnter(lexer, length: code.unicodeScalars.count))
        _ = parser.program()
        let end = code.unicodeScalars.count + 1
        // An open string on the last line: its lexical error is expected, not a reason to refuse.
        let errors = (lexer.endedInsideString ? [] : lexer.errors) + parser.errors
        if errors.isEmpty && !lexer.endedInsideString { return .complete }
        let atEnd = errors.allSatisfy { ($0.range?.start.offset ?? 0) >= end && $0.kind == .syntax }
        guard atEnd, lexer.endedInsideString || !lexer.openBrackets.isEmpty else { return .invalid }
        return .incomplete(indent: String(repeating: indentUnit, count: lexer.openBrackets.count))
    }

    /// The tokens of the code followed by a newline, as the lexer would give them: a newline
    /// token unless a `(` or `[` is open (where newlines are ignored), then the end.
    private static func pressingEnter(_ lexer: Lexer, length: Int) -> [Token] {
        var tokens = lexer.tokens.dropLast()
        let newline = SourceLocation(line: lexer.line, column: lexer.column, offset: length)
        let end = SourceLocation(line: lexer.line + 1, column: 1, offset: length + 1)
        if lexer.openBrackets.last.map({ $0 == .leftBrace }) ?? true {
            tokens.append(Token(kind: .newline, lexeme: "\n", range: SourceRange(start: newline, end: end)))
        }
        tokens.append(Token(kind: .end, lexeme: "", range: SourceRange(start: end, end: end)))
        return Array(tokens)
    }
}
