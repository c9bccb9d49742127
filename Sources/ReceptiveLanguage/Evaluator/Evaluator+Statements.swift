import Tensors

/// Statements: assignment, functions, return, if, for and blocks.
extension Evaluator {
    func execute(_ statement: Statement) throws -> Flow {
        switch statement.kind {
        case .expression(let expression, _):
            _ = try evaluate(expression)
            return .normal
        case .assignment(let target, let operation, let value):
            try assign(target, operation: operation, value: value)
            return .normal
        case .function(let declaration):
            define(declaration.name, .function(try makeFunction(declaration)))
            return .normal
        case .return(let expression):
            return .returned(try expression.map(evaluate) ?? .none)
        case .if(let branches, let otherwise):
            for branch in branches where try condition(branch.condition) {
                return try execute(branch.body)
            }
            return try otherwise.map(execute) ?? .normal
        case .for(let variable, let sequence, let body):
            return try loop(variable, over: sequence, body: body)
        case .block(let body):
            return try execute(body)
        }
    }

    func execute(_ statements: [Statement]) throws -> Flow {
        for statement in statements {
            if case .returned(let value) = try execute(statement) { return .returned(value) }
        }
        return .normal
    }

    private func condition(_ expression: Expression) throws -> Bool {
        let value = try evaluate(expression)
        guard case .bool(let flag) = value else {
            throw RuntimeError.notACondition(value, at: expression.range)
        }
        return flag
    }

    private func loop(_ variable: String, over sequence: Expression, body: [Statement]) throws -> Flow {
        let items = try iterationItems(try evaluate(sequence), at: sequence.range)
        for index in 0..<items.count {
            try checkInterrupt(at: sequence.range)
            define(variable, try catchingTensorErrors(at: sequence.range) { try items.element(index) })
            if case .returned(let value) = try execute(body) { return .returned(value) }
        }
        return .normal
    }

    private func iterationItems(_ value: Value, at range: SourceRange) throws -> IterationItems {
        switch value {
        case .tuple(let items), .list(let items): return .values(items)
        case .tensor(let tensor) where tensor.rank > 0: return .axis(tensor)
        case .string(let text): return .values(text.map { .string(String($0)) })
        default:
            throw RuntimeError.notIterable(value, at: range)
        }
    }

    /// Stops the cell when its session was asked to. `Session.requestInterrupt` sets this flag
    /// as well as the tensor core's, so loops need not also read the process-wide one.
    func checkInterrupt(at range: SourceRange?) throws {
        if interruption.isRequested {
            throw RuntimeError(TensorError.interrupted, at: range)
        }
    }

    private func makeFunction(_ declaration: FunctionDeclaration) throws -> UserFunction {
        let parameters = try declaration.parameters.map { parameter in
            Parameter(parameter.name, default: try parameter.defaultValue.map(evaluate))
        }
        return UserFunction(name: declaration.name, parameters: parameters, body: declaration.body, source: currentSource)
    }
}

/// What a `for` loop walks: a sequence of values, or the first axis of a tensor (sliced lazily).
private enum IterationItems {
    case values([Value])
    case axis(Tensor)

    var count: Int {
        switch self {
        case .values(let items): return items.count
        case .axis(let tensor): return tensor.shape[0]
        }
    }

    func element(_ index: Int) throws -> Value {
        switch self {
        case .values(let items): return items[index]
        // A vector's items are its numbers: no slice (and no allocation) per iteration.
        case .axis(let tensor) where tensor.rank == 1: return .number(tensor.scalars[index])
        case .axis(let tensor): return Value(tensor: try tensor.subscripted([.index(index)]))
        }
    }
}
