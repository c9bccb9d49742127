/// Statements: assignment, `fn`, `return`, `if`, `for`, `while`, `break`, `continue`, blocks and
/// expression statements.
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
        // `fn(` starts an anonymous function, which is an expression.
        case .fn where checkNext(.identifier): return try functionDeclaration()
        case .return: return try returnStatement()
        case .if: return try ifStatement()
        case .for: return try forStatement()
        case .while: return try whileStatement()
        case .break, .continue: return try loopJump()
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
        let declaration = try functionRest(name: name.lexeme)
        return Statement(kind: .function(declaration), range: range(from: start))
    }

    /// The parameters and body of a function, after `fn name` or the `fn` of an anonymous one.
    mutating func functionRest(name: String, isAnonymous: Bool = false) throws -> FunctionDeclaration {
        try consume(.leftParen, isAnonymous ? "a function name or '(' after 'fn'" : "'(' after the function name")
        var parameters: [FunctionDeclaration.ParameterDeclaration] = []
        while !check(.rightParen) {
            let parameter = try consumeIdentifier("a parameter name")
            if parameters.contains(where: { $0.name == parameter.lexeme }) {
                throw error(SyntaxMessage.duplicateParameter(parameter.lexeme, in: name), at: parameter)
            }
            var defaultValue: Expression?
            if match(.colon, .equal) { defaultValue = try expression() }
            parameters.append(.init(name: parameter.lexeme, defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        try consume(.rightParen, "')' after the parameters")
        let outerLoops = enterFunction()
        defer { leaveFunction(restoringLoops: outerLoops) }
        let body: [Statement]
        if match(.equal) {
            let value = try expression()
            body = [Statement(kind: .return(value), range: value.range)]
        } else {
            body = try block()
        }
        return FunctionDeclaration(name: name, isAnonymous: isAnonymous, parameters: parameters, body: body)
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
        let variables = try loopVariables()
        try consume(.in, "'in' after the loop variable")
        let sequence = try expression()
        let body = try loopBody()
        return Statement(kind: .for(variables, sequence: sequence, body: body), range: range(from: start))
    }

    /// `name`, `a, b` or `(a, b)` after `for`, in a loop or a comprehension.
    mutating func loopVariables() throws -> LoopVariables {
        let start = peek
        let parenthesized = match(.leftParen)
        var names = [try consumeIdentifier("a loop variable name after 'for'").lexeme]
        while match(.comma) {
            let name = try consumeIdentifier("a loop variable name after ','")
            if names.contains(name.lexeme) {
                throw error(SyntaxMessage.duplicateLoopVariable(name.lexeme), at: name)
            }
            names.append(name.lexeme)
        }
        if parenthesized { try consume(.rightParen, "')' after the loop variables") }
        return LoopVariables(names: names, range: range(from: start))
    }

    private mutating func whileStatement() throws -> Statement {
        let start = advance()
        let condition = try expression()
        let body = try loopBody()
        return Statement(kind: .while(condition: condition, body: body), range: range(from: start))
    }

    /// A loop's block, inside which `break` and `continue` are allowed.
    private mutating func loopBody() throws -> [Statement] {
        enterLoop()
        defer { leaveLoop() }
        return try block()
    }

    private mutating func loopJump() throws -> Statement {
        let keyword = advance()
        guard isInsideLoop else { throw error(SyntaxMessage.outsideLoop(keyword.lexeme), at: keyword) }
        return Statement(kind: keyword.kind == .break ? .break : .continue, range: keyword.range)
    }

    private mutating func expressionStatement() throws -> Statement {
        let start = peek
        let value = try expression()
        if check(.comma), case .variable(let first) = value.kind {
            return try unpackingAssignment(first: first, from: start)
        }
        if check(.equal) || compoundOperation != nil {
            let operation = compoundOperation
            let operatorToken = advance()
            let target = try assignmentTarget(value, operatorToken: operatorToken)
            let assigned = try expression()
            return Statement(kind: .assignment(target, operation: operation, value: assigned), range: range(from: start))
        }
        return Statement(kind: .expression(value, silenced: check(.semicolon)), range: range(from: start))
    }

    /// `a, b = value`, after the first name.
    private mutating func unpackingAssignment(first: String, from start: Token) throws -> Statement {
        var names = [first]
        while match(.comma) {
            let name = try consumeIdentifier("a variable name after ','")
            if names.contains(name.lexeme) {
                throw error(SyntaxMessage.duplicateAssignmentName(name.lexeme), at: name)
            }
            names.append(name.lexeme)
        }
        let targets = LoopVariables(names: names, range: range(from: start))
        try consume(.equal, "'=' after the names to assign")
        let assigned = try expression()
        return Statement(kind: .assignment(.unpacked(targets), operation: nil, value: assigned), range: range(from: start))
    }

    /// The operator of a compound assignment at the current token (`+=` → add).
    private var compoundOperation: BinaryOperator? {
        switch peek.kind {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .slashEqual: return .divide
        case .slashSlashEqual: return .floorDivide
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
