/// One lexeme of source with its kind and position.
struct Token: Sendable {
    /// What the token is; literals carry their value.
    var kind: TokenKind
    /// The exact source text.
    var lexeme: String
    /// Where it is.
    var range: SourceRange

    /// How error messages name the token: "')'", "end of line", "'foo'".
    var quoted: String {
        switch kind {
        case .newline: return "end of line"
        case .end: return "end of input"
        case .string: return "a string"
        case .number: return "number \(lexeme)"
        default: return "'\(lexeme)'"
        }
    }
}
