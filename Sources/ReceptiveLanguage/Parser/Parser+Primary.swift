/// Literals, names, parentheses, tuples and bracketed tensor literals.
extension Parser {
    mutating func primary() throws -> Expression {
        let token = peek
        switch token.kind {
        case .number(let value): advance(); return literal(.number(value), token)
        case .string(let text): advance(); return literal(.string(text), token)
        case .true: advance(); return literal(.bool(true), token)
        case .false: advance(); return literal(.bool(false), token)
        case .none: advance(); return literal(.none, token)
        case .identifier:
            advance()
            return Expression(kind: .variable(token.lexeme), range: token.range)
        case .leftParen: return try parenthesized()
        case .leftBracket: return try bracketed()
        default:
            throw error(SyntaxMessage.expectedExpression(found: token.quoted))
        }
    }

    private func literal(_ value: Value, _ token: Token) -> Expression {
        Expression(kind: .literal(value), range: token.range)
    }

    /// `(e)` groups; `()`, `(a,)` and `(a, b)` are tuples.
    private mutating func parenthesized() throws -> Expression {
        let start = advance()
        var items: [Expression] = []
        var sawComma = false
        while !check(.rightParen) {
            items.append(try expression())
            guard match(.comma) else { break }
            sawComma = true
        }
        try consume(.rightParen, "')' to close the '(' on line \(start.range.start.line)")
        if items.count == 1 && !sawComma {
            return Expression(kind: items[0].kind, range: range(from: start))
        }
        return Expression(kind: .tuple(items), range: range(from: start))
    }

    private mutating func bracketed() throws -> Expression {
        let start = advance()
        var items: [Expression] = []
        while !check(.rightBracket) {
            items.append(try expression())
            guard match(.comma) else { break }
        }
        try consume(.rightBracket, "']' to close the '[' on line \(start.range.start.line)")
        return Expression(kind: .bracketed(items), range: range(from: start))
    }
}
