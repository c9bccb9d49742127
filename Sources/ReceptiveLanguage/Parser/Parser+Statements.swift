/// Statements: assignment, `fn`, `return`, `if`, `for`, blocks and expression statements.
extension Parser {
    /// Parses statements until `terminator` (`}` or the end), recovering after each error.
    mutating func statements(until terminator: TokenKind) -> [Statement] {
        var result: [Statement] = []
        skipNewlines()
        while !check(terminator) && !isAtEnd {
            let start = position
            do {
                result.append(try statement())
                try endOfStatement()
            } catch {
                record(error)
                synchronize()
                // A stray '}' at the top level stops synchronize without moving; step over it.
                if position == start { advance() }
            }
            skipNewlines()
        }
        return result
    }

    private mutating func endOfStatement() throws {
        if check(.newline) || check(.semicolon) || check(.rightBrace) || isAtEnd { return }
        throw error(SyntaxMessage.expectedStatementEnd(found: peek.quoted))
    }

    mutating func statement() throws -> Statement {
        switch peek.kind {
        case .fn: return try functionDeclaration()
        case .return: return try returnStatement()
        case .if: return try ifStatement()
        case .for: return try forStatement()
        case .rightBrace:
            throw error(SyntaxMessage.unmatchedBrace)
        case .leftBrace:
            let start = peek
            let body = try block()
            return Statement(kind: .block(body), range: range(from: start))
        default: return try expressionStatement()
        }
    }

    mutating func block() throws -> [Statement] {
        try enter()
        defer { leave() }
        try consume(.leftBrace, "'{' to start a block")
        let body = statements(until: .rightBrace)
        try consume(.rightBrace, "'}' to close the block")
        return body
    }

    private mutating func functionDeclaration() throws -> Statement {
        let start = advance()
        let name = try consumeIdentifier("a function name after 'fn'")
        try consume(.leftParen, "'(' after the function name")
        var parameters: [FunctionDeclaration.ParameterDeclaration] = []
        while !check(.rightParen) {
            let parameter = try consumeIdentifier("a parameter name")
            if parameters.contains(where: { $0.name == parameter.lexeme }) {
                throw error(SyntaxMessage.duplicateParameter(parameter.lexeme, in: name.lexeme), at: parameter)
            }
            var defaultValue: Expression?
            if match(.colon, .equal) { defaultValue = try expression() }
            parameters.append(.init(name: parameter.lexeme, defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        try consume(.rightParen, "')' after the parameters")
        enterFunction()
        defer { leaveFunction() }
        let body: [Statement]
        if match(.equal) {
            let value = try expression()
            body = [Statement(kind: .return(value), range: value.range)]
        } else {
            body = try block()
        }
        let declaration = FunctionDeclaration(name: name.lexeme, parameters: parameters, body: body)
        return Statement(kind: .function(declaration), range: range(from: start))
    }

    private mutating func returnStatement() throws -> Statement {
        let start = advance()
        guard isInsideFunction else { throw error(SyntaxMessage.returnOutsideFunction, at: start) }
        var value: Expression?
        if !(check(.newline) || check(.semicolon) || check(.rightBrace) || isAtEnd) {
            value = try expression()
        }
        return Statement(kind: .return(value), range: range(from: start))
    }

    private mutating func ifStatement() throws -> Statement {
        let start = advance()
        var branches: [(condition: Expression, body: [Statement])] = []
        var otherwise: [Statement]?
        branches.append((try expression(), try block()))
        while continuesWithElse() {
            advance()
            if match(.if) {
                branches.append((try expression(), try block()))
            } else {
                otherwise = try block()
                break
            }
        }
        return Statement(kind: .if(branches: branches, otherwise: otherwise), range: range(from: start))
    }

    /// Whether `else` follows, possibly on the next line; consumes the newlines only if it does.
    private mutating func continuesWithElse() -> Bool {
        var lookahead = position
        while lookahead < tokens.count, tokens[lookahead].kind == .newline { lookahead += 1 }
        guard lookahead < tokens.count, tokens[lookahead].kind == .else else { return false }
        position = lookahead
        return true
    }

    private mutating func forStatement() throws -> Statement {
        let start = advance()
        let variable = try consumeIdentifier("a loop variable name after 'for'")
        try consume(.in, "'in' after the loop variable")
        let sequence = try expression()
        let body = try block()
        return Statement(kind: .for(variable: variable.lexeme, sequence: sequence, body: body), range: range(from: start))
    }

    private mutating func expressionStatement() throws -> Statement {
        let start = peek
        let value = try expression()
        if check(.equal) || compoundOperation != nil {
            let operation = compoundOperation
            let operatorToken = advance()
            let target = try assignmentTarget(value, operatorToken: operatorToken)
            let assigned = try expression()
            return Statement(kind: .assignment(target, operation: operation, value: assigned), range: range(from: start))
        }
        return Statement(kind: .expression(value, silenced: check(.semicolon)), range: range(from: start))
    }

    /// The operator of a compound assignment at the current token (`+=` → add).
    private var compoundOperation: BinaryOperator? {
        switch peek.kind {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .slashEqual: return .divide
        default: return nil
        }
    }

    private func assignmentTarget(_ target: Expression, operatorToken: Token) throws -> AssignmentTarget {
        switch target.kind {
        case .variable(let name):
            return .variable(name, target.range)
        case .index(let base, let components):
            if case .variable(let name) = base.kind { return .subscripted(name, components, target.range) }
        case .field(let base, let name):
            return .field(base, name, target.range)
        default:
            break
        }
        throw RuntimeError(.syntax, SyntaxMessage.invalidAssignmentTarget(operatorToken.lexeme),
                           at: target.range)
    }
}
