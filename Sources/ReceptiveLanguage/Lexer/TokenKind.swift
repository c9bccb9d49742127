/// The kinds of token the lexer produces.
enum TokenKind: Equatable, Sendable {
    // Brackets and punctuation.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, colon, semicolon, newline
    // Operators.
    case plus, minus, star, slash, slashSlash, percent, starStar, at
    case equal, plusEqual, minusEqual, starEqual, slashEqual, slashSlashEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    // Literals and names.
    case number(Double)
    case string(String)
    case identifier
    // Keywords.
    case fn, `return`, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, and, or, not, `true`, `false`, none
    /// The end of the source.
    case end

    /// The keywords, which cannot be names (docs/language.md#syntax).
    static let keywords: [String: TokenKind] = [
        "fn": .fn, "return": .return, "if": .if, "else": .else, "for": .for, "in": .in,
        "while": .while, "break": .break, "continue": .continue,
        "and": .and, "or": .or, "not": .not, "true": .true, "false": .false, "none": .none,
    ]

    /// Whether a statement cannot end after this token (a binary operator, `=`, `,`, ...).
    var expectsContinuation: Bool {
        switch self {
        case .plus, .minus, .star, .slash, .slashSlash, .percent, .starStar, .at, .equal, .plusEqual,
             .minusEqual, .starEqual, .slashEqual, .slashSlashEqual, .equalEqual, .bangEqual, .less, .lessEqual,
             .greater, .greaterEqual, .and, .or, .not, .comma, .dot:
            return true
        default:
            return false
        }
    }
}
