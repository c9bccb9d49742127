/// Expressions, one function per precedence level, lowest first (docs/language.md#expressions).
extension Parser {
    mutating func expression() throws -> Expression {
        try enter()
        defer { leave() }
        return try or()
    }

    private mutating func or() throws -> Expression {
        var left = try and()
        var count = 0
        while match(.or) {
            try checkChain(&count)
            let right = try and()
            left = Expression(kind: .logical(isAnd: false, left, right), range: left.range.merged(with: right.range))
        }
        return left
    }

    private mutating func and() throws -> Expression {
        var left = try comparison()
        var count = 0
        while match(.and) {
            try checkChain(&count)
            let right = try comparison()
            left = Expression(kind: .logical(isAnd: true, left, right), range: left.range.merged(with: right.range))
        }
        return left
    }

    private mutating func comparison() throws -> Expression {
        try binaryLevel([.equalEqual: .equal, .bangEqual: .notEqual, .less: .less, .lessEqual: .lessEqual,
                         .greater: .greater, .greaterEqual: .greaterEqual]) { try $0.term() }
    }

    private mutating func term() throws -> Expression {
        try binaryLevel([.plus: .add, .minus: .subtract]) { try $0.factor() }
    }

    private mutating func factor() throws -> Expression {
        try binaryLevel([.star: .multiply, .slash: .divide, .slashSlash: .floorDivide, .percent: .remainder,
                         .at: .matmul]) { try $0.unary() }
    }

    /// A left-associative level: `operand (op operand)*`.
    private mutating func binaryLevel(_ operators: [OperatorToken: BinaryOperator],
                                      operand: (inout Parser) throws -> Expression) throws -> Expression {
        var left = try operand(&self)
        var count = 0
        while let token = OperatorToken(peek.kind), let operation = operators[token] {
            advance()
            try checkChain(&count)
            let right = try operand(&self)
            left = Expression(kind: .binary(operation, left, right), range: left.range.merged(with: right.range))
        }
        return left
    }

    /// A chain `a + b + c ...` nests to the left, one level per operator; past a limit, evaluating
    /// it would exhaust the stack, so it is a LimitError.
    private func checkChain(_ count: inout Int) throws {
        count += 1
        guard count <= Parser.maximumChain else {
            throw RuntimeError(.limit, SyntaxMessage.operatorChainTooLong(limit: Parser.maximumChain),
                               at: previous.range)
        }
    }

    private mutating func unary() throws -> Expression {
        let start = peek
        guard match(.minus, .not) else { return try power() }
        try enter()
        defer { leave() }
        let operand = try unary()
        let operation: UnaryOperator = start.kind == .minus ? .negate : .not
        return Expression(kind: .unary(operation, operand), range: start.range.merged(with: operand.range))
    }

    private mutating func power() throws -> Expression {
        let base = try postfix()
        guard match(.starStar) else { return base }
        // Right-associative, and the exponent may carry a sign: 2 ** -1.
        try enter()
        defer { leave() }
        let exponent = try unary()
        return Expression(kind: .binary(.power, base, exponent), range: base.range.merged(with: exponent.range))
    }

    private mutating func postfix() throws -> Expression {
        var value = try primary()
        while true {
            if match(.leftParen) {
                let arguments = try argumentList()
                value = Expression(kind: .call(value, arguments), range: value.range.merged(with: previous.range))
            } else if match(.leftBracket) {
                let components = try subscriptList()
                value = Expression(kind: .index(value, components), range: value.range.merged(with: previous.range))
            } else if match(.dot) {
                let name = try consumeIdentifier("a field name after '.'")
                value = Expression(kind: .field(value, name.lexeme), range: value.range.merged(with: name.range))
            } else {
                return value
            }
        }
    }

    private mutating func argumentList() throws -> [Argument] {
        var arguments: [Argument] = []
        while !check(.rightParen) {
            let start = peek
            var name: String?
            if check(.identifier) && (checkNext(.colon) || checkNext(.equal)) {
                name = advance().lexeme
                advance()
            }
            let value = try expression()
            if name == nil, arguments.contains(where: { $0.name != nil }) {
                throw RuntimeError(.syntax, SyntaxMessage.positionalAfterNamed,
                                   at: range(from: start))
            }
            arguments.append(Argument(name: name, value: value, range: range(from: start)))
            if !match(.comma) { break }
        }
        try consume(.rightParen, "')' after the arguments")
        return arguments
    }

    private mutating func subscriptList() throws -> [IndexComponent] {
        var components: [IndexComponent] = []
        repeat {
            if check(.rightBracket) { break }
            components.append(try subscriptComponent())
        } while match(.comma)
        try consume(.rightBracket, "']' after the index")
        if components.isEmpty { throw error(SyntaxMessage.emptySubscript, at: previous) }
        return components
    }

    private mutating func subscriptComponent() throws -> IndexComponent {
        let start = isBoundEnd ? nil : try expression()
        guard match(.colon) else {
            guard let start else { throw error(SyntaxMessage.expectedSubscript(found: peek.quoted)) }
            return .single(start)
        }
        let stop = isBoundEnd ? nil : try expression()
        var step: Expression?
        if match(.colon), !isBoundEnd { step = try expression() }
        return .slice(start: start, stop: stop, step: step)
    }

    private var isBoundEnd: Bool { check(.colon) || check(.comma) || check(.rightBracket) }
}
