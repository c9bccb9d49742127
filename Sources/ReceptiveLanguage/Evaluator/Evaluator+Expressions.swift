import Tensors

/// Expressions: literals, names, operators, calls, indexing and fields.
extension Evaluator {
    func evaluate(_ expression: Expression) throws -> Value {
        switch expression.kind {
        case .literal(let value):
            return value
        case .variable(let name):
            return try variable(name, at: expression.range)
        case .bracketed(let items):
            return try TensorLiteral.build(try items.map(evaluate), at: expression.range)
        case .tuple(let items):
            return try Value.tuple(try items.map(evaluate)).checkedNesting(at: expression.range)
        case .unary(let operation, let operand):
            return try unary(operation, try evaluate(operand), at: expression.range)
        case .binary(let operation, let left, let right):
            return try combine(try evaluate(left), operation, try evaluate(right), at: expression.range)
        case .logical(let isAnd, let left, let right):
            return try logical(isAnd: isAnd, left, right)
        case .call(let callee, let arguments):
            return try evaluateCall(callee, arguments, at: expression.range)
        case .index(let base, let components):
            return try subscripted(try evaluate(base), try indexComponents(components), at: expression.range)
        case .field(let base, let name):
            return try field(name, of: try evaluate(base), at: expression.range)
        }
    }

    private func logical(isAnd: Bool, _ left: Expression, _ right: Expression) throws -> Value {
        let keyword = isAnd ? "and" : "or"
        let first = try evaluate(left)
        guard case .bool(let lhs) = first else {
            throw RuntimeError.logicalOperand(keyword, first, side: "left", at: left.range)
        }
        if lhs != isAnd { return .bool(lhs) }
        let second = try evaluate(right)
        guard case .bool(let rhs) = second else {
            throw RuntimeError.logicalOperand(keyword, second, side: "right", at: right.range)
        }
        return .bool(rhs)
    }

    private func unary(_ operation: UnaryOperator, _ value: Value, at range: SourceRange) throws -> Value {
        switch (operation, value) {
        case (.negate, .number(let number)): return .number(-number)
        case (.negate, .tensor(let tensor)): return .tensor(tensor.map { -$0 })
        case (.not, .bool(let flag)): return .bool(!flag)
        case (.negate, _):
            throw RuntimeError.cannotNegate(value, at: range)
        case (.not, _):
            throw RuntimeError.notOperand(value, at: range)
        }
    }

    /// Runs `body`, turning a TensorError into a RuntimeError at `range`.
    func catchingTensorErrors<T>(at range: SourceRange?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TensorError {
            throw RuntimeError(error, at: range)
        } catch var error as RuntimeError {
            if error.range == nil, let range { error.range = range }
            throw error
        } catch {
            // Other errors come from the front end (reading input), so they are I/O errors.
            throw RuntimeError(.io, "\(error)", at: range)
        }
    }
}
