/// A recursive-descent parser from tokens to statements (docs/language.md#statements and #expressions).
///
/// Each precedence level has its own function; a syntax error is recorded and the parser
/// resynchronises at the next statement, so one cell reports all its syntax errors.
struct Parser {
    /// The deepest nesting of expressions and blocks accepted; deeper input is a LimitError
    /// rather than a stack overflow.
    static let maximumNesting = 200
    /// The longest chain of binary operators at one level (`1 + 1 + ...`), for the same reason.
    static let maximumChain = 10_000

    let tokens: [Token]
    var position = 0
    private var nesting = 0
    private var functionDepth = 0
    /// The loops around the current position inside the innermost function (or the cell).
    private var loopDepth = 0
    /// The syntax errors found, in source order.
    private(set) var errors: [RuntimeError] = []

    /// Creates a parser over the tokens of a lexed cell.
    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole cell: lexes, parses, and returns the statements or every error found.
    static func parse(_ source: String) -> Result<[Statement], ParseFailure> {
        let lexer = Lexer(source)
        var parser = Parser(tokens: lexer.tokens)
        let statements = parser.program()
        // A lexical error usually makes the parser stumble on the same line; report only the cause.
        let lexicalLines = Set(lexer.errors.compactMap { $0.range?.start.line })
        let syntaxErrors = parser.errors.filter { !lexicalLines.contains($0.range?.start.line ?? 0) }
        let errors = (lexer.errors + syntaxErrors).sorted { $0.range?.start.offset ?? 0 < $1.range?.start.offset ?? 0 }
        guard errors.isEmpty else { return .failure(ParseFailure(errors: errors)) }
        return .success(statements)
    }

    /// Parses statements up to the end of input.
    mutating func program() -> [Statement] {
        statements(until: .end)
    }

    // MARK: Token access

    var peek: Token { tokens[min(position, tokens.count - 1)] }
    var previous: Token { tokens[max(0, position - 1)] }
    var isAtEnd: Bool { peek.kind == .end }

    func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    func checkNext(_ kind: TokenKind) -> Bool {
        position + 1 < tokens.count && tokens[position + 1].kind == kind
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = peek
        if !isAtEnd { position += 1 }
        return token
    }

    mutating func match(_ kinds: TokenKind...) -> Bool {
        guard kinds.contains(peek.kind) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func consume(_ kind: TokenKind, _ expectation: String) throws -> Token {
        if check(kind) { return advance() }
        throw error(SyntaxMessage.expected(expectation, found: peek.quoted))
    }

    mutating func consumeIdentifier(_ expectation: String) throws -> Token {
        try consume(.identifier, expectation)
    }

    func error(_ message: String, at token: Token? = nil) -> RuntimeError {
        RuntimeError(.syntax, message, at: (token ?? peek).range)
    }

    mutating func skipNewlines() {
        while match(.newline, .semicolon) {}
    }

    /// Guards recursion depth; call `leave()` after.
    mutating func enter() throws {
        nesting += 1
        guard nesting <= Parser.maximumNesting else {
            nesting -= 1
            throw RuntimeError(.limit, SyntaxMessage.nestingTooDeep(limit: Parser.maximumNesting),
                               at: peek.range)
        }
    }

    mutating func leave() { nesting -= 1 }

    func range(from start: Token) -> SourceRange {
        SourceRange(start: start.range.start, end: previous.range.end)
    }

    // MARK: Error recovery

    mutating func record(_ error: any Error) {
        if let error = error as? RuntimeError { errors.append(error) }
    }

    /// Skips to the start of the next statement, stepping over nested blocks.
    mutating func synchronize() {
        var depth = 0
        while !isAtEnd {
            switch peek.kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                if depth == 0 { return }
                depth -= 1
            case .newline, .semicolon:
                if depth == 0 { advance(); return }
            default: break
            }
            advance()
        }
    }

    var isInsideFunction: Bool { functionDepth > 0 }
    var isInsideLoop: Bool { loopDepth > 0 }

    /// Enters a function body, where the loops around it no longer count; returns their depth
    /// for `leaveFunction`.
    mutating func enterFunction() -> Int {
        functionDepth += 1
        defer { loopDepth = 0 }
        return loopDepth
    }

    mutating func leaveFunction(restoringLoops outerLoops: Int) {
        functionDepth -= 1
        loopDepth = outerLoops
    }

    mutating func enterLoop() { loopDepth += 1 }
    mutating func leaveLoop() { loopDepth -= 1 }
}
