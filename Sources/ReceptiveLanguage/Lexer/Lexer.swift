/// Turns source text into tokens (docs/language.md#syntax).
///
/// Newlines end statements except inside `(` and `[`, where expressions may span lines;
/// inside `{` blocks they still separate statements. Errors are collected, not thrown, so a
/// cell reports every problem at once.
struct Lexer {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    var tokenStart: SourceLocation
    /// The brackets still open at the end of the source, innermost last.
    private(set) var openBrackets: [TokenKind] = []
    /// Whether a closing bracket appeared that matches no open one.
    private(set) var hasUnmatchedClose = false
    private(set) var tokens: [Token] = []
    var errors: [RuntimeError] = []
    /// Whether the source ended inside a string literal (the input is incomplete, not wrong).
    private(set) var endedInsideString = false

    /// Records that the source ended inside a string literal.
    mutating func markUnterminatedString() {
        if current == nil { endedInsideString = true }
    }

    /// Lexes `source` completely.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        tokenStart = SourceLocation(line: 1, column: 1, offset: 0)
        while index < scalars.count { scanToken() }
        tokenStart = location
        add(.end)
    }

    var location: SourceLocation { SourceLocation(line: line, column: column, offset: index) }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    var next: Unicode.Scalar? { index + 1 < scalars.count ? scalars[index + 1] : nil }

    mutating func advance() -> Unicode.Scalar {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        return scalar
    }

    mutating func match(_ expected: Unicode.Scalar) -> Bool {
        guard current == expected else { return false }
        _ = advance()
        return true
    }

    mutating func add(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, lexeme: pendingText, range: SourceRange(start: tokenStart, end: location)))
    }

    mutating func error(_ message: String) {
        errors.append(RuntimeError(.syntax, message, at: SourceRange(start: tokenStart, end: location)))
    }

    private mutating func scanToken() {
        tokenStart = location
        let scalar = advance()
        switch scalar {
        case " ", "\t", "\r": return
        case "\n": newline()
        case "#": while let next = current, next != "\n" { _ = advance() }
        case "(": open(.leftParen)
        case "[": open(.leftBracket)
        case "{": open(.leftBrace)
        case ")": close(.rightParen, opener: .leftParen)
        case "]": close(.rightBracket, opener: .leftBracket)
        case "}": close(.rightBrace, opener: .leftBrace)
        case "\"": string()
        case "!":
            if match("=") { add(.bangEqual) } else { error(SyntaxMessage.loneBang) }
        default:
            if let kind = punctuation(scalar) { add(kind) }
            else if ("0"..."9").contains(scalar) { number() }
            else if isIdentifierStart(scalar) { identifier() }
            else { error(SyntaxMessage.unexpectedCharacter(scalar)) }
        }
    }

    private mutating func punctuation(_ scalar: Unicode.Scalar) -> TokenKind? {
        switch scalar {
        case ",": return .comma
        case ".": return .dot
        case ":": return .colon
        case ";": return .semicolon
        case "@": return .at
        case "%": return .percent
        case "+": return match("=") ? .plusEqual : .plus
        case "-": return match("=") ? .minusEqual : .minus
        case "/":
            if match("/") { return match("=") ? .slashSlashEqual : .slashSlash }
            return match("=") ? .slashEqual : .slash
        case "*": return match("*") ? .starStar : (match("=") ? .starEqual : .star)
        case "=": return match("=") ? .equalEqual : .equal
        case "<": return match("=") ? .lessEqual : .less
        case ">": return match("=") ? .greaterEqual : .greater
        default: return nil
        }
    }

    private mutating func newline() {
        // Inside ( or [ an expression continues on the next line.
        if let top = openBrackets.last, top != .leftBrace { return }
        add(.newline)
    }

    private mutating func open(_ kind: TokenKind) {
        openBrackets.append(kind)
        add(kind)
    }

    private mutating func close(_ kind: TokenKind, opener: TokenKind) {
        if let index = openBrackets.lastIndex(of: opener) {
            openBrackets.removeSubrange(index...)
        } else {
            hasUnmatchedClose = true
        }
        add(kind)
    }

    /// The text of the token being scanned.
    var pendingText: String { String(String.UnicodeScalarView(scalars[tokenStart.offset..<index])) }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private mutating func identifier() {
        while let next = current, isIdentifierStart(next) || ("0"..."9").contains(next) { _ = advance() }
        add(TokenKind.keywords[pendingText] ?? .identifier)
    }
}
