/// Literals, names, parentheses, tuples, bracketed tensor literals, comprehensions and
/// anonymous functions.
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
        case .fn: return try anonymousFunction()
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

    /// `[a, b, ...]`, or `[element for v in xs if condition ...]`.
    private mutating func bracketed() throws -> Expression {
        let start = advance()
        var items: [Expression] = []
        while !check(.rightBracket) {
            items.append(try expression())
            if items.count == 1, check(.for) {
                let clauses = try comprehensionClauses()
                try consume(.rightBracket, "']' to close the comprehension on line \(start.range.start.line)")
                return Expression(kind: .comprehension(element: items[0], clauses: clauses), range: range(from: start))
            }
            guard match(.comma) else { break }
        }
        try consume(.rightBracket, "']' to close the '[' on line \(start.range.start.line)")
        return Expression(kind: .bracketed(items), range: range(from: start))
    }

    /// One or more `for v in xs`, each followed by any number of `if condition`.
    private mutating func comprehensionClauses() throws -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while match(.for) {
            let variables = try loopVariables()
            try consume(.in, "'in' after the comprehension's variable")
            clauses.append(.loop(variables, sequence: try expression()))
            while match(.if) { clauses.append(.filter(try expression())) }
        }
        return clauses
    }

    /// `fn(x) = x * 2` or `fn(x) { ... }`.
    private mutating func anonymousFunction() throws -> Expression {
        let start = advance()
        let declaration = try functionRest(name: FunctionDeclaration.anonymousName, isAnonymous: true)
        return Expression(kind: .function(declaration), range: range(from: start))
    }
}
