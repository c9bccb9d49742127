/// Expressions: literals, names, operators, calls, indexing and fields.
extension Compiler {
    /// Compiles an expression.
    func compile(_ expression: Expression) -> ExpressionCode {
        let range = expression.range
        switch expression.kind {
        case .literal(let value):
            return { _, _ in value }
        case .variable(let name):
            return read(resolve(name), at: range)
        case .bracketed(let items):
            let codes = items.map(compile)
            return { evaluator, frame in
                try TensorLiteral.build(try codes.map { try $0(evaluator, frame) },
                                        control: evaluator.control, at: range)
            }
        case .tuple(let items):
            let codes = items.map(compile)
            return { evaluator, frame in try Value.tuple(try codes.map { try $0(evaluator, frame) }).checkedNesting(at: range) }
        case .unary(let operation, let operand):
            let code = compile(operand)
            return { evaluator, frame in try evaluator.unary(operation, try code(evaluator, frame), at: range) }
        case .binary(let operation, let left, let right):
            return binary(operation, operand(left), operand(right), at: range)
        case .logical(let isAnd, let left, let right):
            return logical(isAnd: isAnd, left, right)
        case .call(let callee, let arguments):
            return call(callee, arguments, at: range)
        case .index(let base, let components):
            let container = compile(base)
            let indices = compile(components)
            return { evaluator, frame in
                try evaluator.subscripted(try container(evaluator, frame), try indices(evaluator, frame), at: range)
            }
        case .field(let base, let name):
            let code = compile(base)
            return { evaluator, frame in try evaluator.field(name, of: try code(evaluator, frame), at: range) }
        }
    }

    /// Reads a variable, or throws a NameError suggesting the nearest defined name.
    func read(_ reference: VariableReference, at range: SourceRange) -> ExpressionCode {
        switch reference {
        case .local(let slot, let global):
            return { evaluator, frame in
                if let value = frame.slots[slot] ?? global.boundValue { return value }
                throw evaluator.undefinedName(global.name, in: frame, at: range)
            }
        case .global(let global):
            return { evaluator, frame in
                if let value = global.boundValue { return value }
                throw evaluator.undefinedName(global.name, in: frame, at: range)
            }
        }
    }

    /// An operator's operand: variables and literals stay readable in place.
    func operand(_ expression: Expression) -> Operand {
        switch expression.kind {
        case .literal(let value): return .literal(value)
        case .variable(let name): return .variable(resolve(name), expression.range)
        default: return .code(compile(expression))
        }
    }

    /// `a op b`, with number-by-number arithmetic done without leaving the closure.
    func binary(_ operation: BinaryOperator, _ left: Operand, _ right: Operand, at range: SourceRange) -> ExpressionCode {
        { evaluator, frame in
            if operation != .matmul, let a = left.number(in: frame), let b = right.number(in: frame) {
                return Evaluator.scalar(a, operation, b)
            }
            let lhs = try left.value(evaluator, frame)
            let rhs = try right.value(evaluator, frame)
            if operation != .matmul, case .number(let a) = lhs, case .number(let b) = rhs {
                return Evaluator.scalar(a, operation, b)
            }
            return try evaluator.combine(lhs, operation, rhs, at: range)
        }
    }

    private func logical(isAnd: Bool, _ left: Expression, _ right: Expression) -> ExpressionCode {
        let keyword = isAnd ? "and" : "or"
        let (first, firstRange) = (compile(left), left.range)
        let (second, secondRange) = (compile(right), right.range)
        return { evaluator, frame in
            let lhs = try first(evaluator, frame)
            guard case .bool(let flag) = lhs else {
                throw RuntimeError.logicalOperand(keyword, lhs, side: "left", at: firstRange)
            }
            if flag != isAnd { return .bool(flag) }
            let rhs = try second(evaluator, frame)
            guard case .bool = rhs else {
                throw RuntimeError.logicalOperand(keyword, rhs, side: "right", at: secondRange)
            }
            return rhs
        }
    }
}
