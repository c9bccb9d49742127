/// Decides whether code can run yet (docs/language.md#syntax): open brackets or blocks, a trailing
/// operator or an unterminated string at the end mean more lines are coming.
enum CompletenessChecker {
    /// The indentation suggested per open bracket or block.
    static let indentUnit = "    "

    /// Checks `code`.
    static func check(_ code: String) -> Completeness {
        let lexer = Lexer(code)
        if lexer.hasUnmatchedClose { return .invalid }
        let openLevels = lexer.openBrackets.count
        if lexer.endedInsideString {
            return .incomplete(indent: String(repeating: indentUnit, count: openLevels))
        }
        if openLevels > 0 {
            return .incomplete(indent: String(repeating: indentUnit, count: openLevels))
        }
        let meaningful = lexer.tokens.filter { $0.kind != .end && $0.kind != .newline }
        if let last = meaningful.last, last.kind.expectsContinuation || isOpenHeader(meaningful) {
            return .incomplete(indent: indentUnit)
        }
        return .complete
    }

    /// `else` at the very end: a block must follow.
    private static func isOpenHeader(_ tokens: [Token]) -> Bool {
        tokens.last?.kind == .else
    }
}
