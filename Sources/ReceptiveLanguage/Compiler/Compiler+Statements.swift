/// Statements: expressions, assignment, functions, return, if, for and blocks.
extension Compiler {
    /// Compiles statements that run in order until one returns.
    func compile(_ statements: [Statement]) -> StatementCode {
        // One statement is compiled directly: taken out of an array, a closure would be
        // called through a reabstraction thunk.
        if statements.count == 1 { return compile(statements[0]) }
        let codes = statements.map(compile)
        return { evaluator, frame in
            for code in codes {
                if case .returned(let value) = try code(evaluator, frame) { return .returned(value) }
            }
            return .normal
        }
    }

    /// Compiles one statement.
    func compile(_ statement: Statement) -> StatementCode {
        switch statement.kind {
        case .expression(let expression, _):
            let code = compile(expression)
            return { evaluator, frame in
                _ = try code(evaluator, frame)
                return .normal
            }
        case .assignment(let target, let operation, let value):
            return assignment(target, operation: operation, value: value)
        case .function(let declaration):
            return functionDefinition(declaration)
        case .return(let expression):
            let code = expression.map(compile)
            return { evaluator, frame in .returned(try code?(evaluator, frame) ?? .none) }
        case .if(let branches, let otherwise):
            return conditional(branches, otherwise: otherwise)
        case .for(let variable, let sequence, let body):
            return loop(variable, over: sequence, body: body)
        case .block(let body):
            return compile(body)
        }
    }

    private func conditional(_ branches: [(condition: Expression, body: [Statement])], otherwise: [Statement]?) -> StatementCode {
        let compiled = branches.map { (condition: compile($0.condition), range: $0.condition.range, body: compile($0.body)) }
        let fallback = otherwise.map(compile)
        return { evaluator, frame in
            for branch in compiled {
                let value = try branch.condition(evaluator, frame)
                guard case .bool(let flag) = value else {
                    throw RuntimeError.notACondition(value, at: branch.range)
                }
                if flag { return try branch.body(evaluator, frame) }
            }
            return try fallback?(evaluator, frame) ?? .normal
        }
    }

    private func loop(_ variable: String, over sequence: Expression, body: [Statement]) -> StatementCode {
        let target = resolve(variable)
        let items = compile(sequence)
        let range = sequence.range
        let body = compile(body)
        return { evaluator, frame in
            switch try evaluator.iterationItems(try items(evaluator, frame), at: range) {
            case .numbers(let numbers):
                // The common case (`for i in arange(n)`): no Value array, no slicing.
                for number in numbers {
                    try evaluator.checkInterrupt(at: range)
                    target.store(.number(number), in: frame)
                    if case .returned(let value) = try body(evaluator, frame) { return .returned(value) }
                }
            case .values(let values):
                for item in values {
                    try evaluator.checkInterrupt(at: range)
                    target.store(item, in: frame)
                    if case .returned(let value) = try body(evaluator, frame) { return .returned(value) }
                }
            case .slices(let tensor):
                for index in 0..<tensor.shape[0] {
                    try evaluator.checkInterrupt(at: range)
                    target.store(try evaluator.slice(tensor, at: index, range: range), in: frame)
                    if case .returned(let value) = try body(evaluator, frame) { return .returned(value) }
                }
            }
            return .normal
        }
    }

    private func functionDefinition(_ declaration: FunctionDeclaration) -> StatementCode {
        let target = resolve(declaration.name)
        let parameters = declaration.parameters.map { (name: $0.name, defaultValue: $0.defaultValue.map(compile)) }
        let layout = LocalLayout(parameters: parameters.map(\.name), body: declaration.body)
        // The cell's depth was checked before compiling, so the body's is within the limit.
        let depth = SyntaxDepth.of(declaration.body, limit: Evaluator.maximumSyntaxDepth) ?? Evaluator.maximumSyntaxDepth
        let code = FunctionCode(layout: layout, body: Compiler(evaluator: evaluator, locals: layout).compile(declaration.body),
                                stackReserve: Evaluator.stackReserve(forDepth: depth))
        return { evaluator, frame in
            // Defaults are evaluated once, when the definition runs (docs/language.md#functions).
            let evaluated = try parameters.map { parameter in
                Parameter(parameter.name, default: try parameter.defaultValue?(evaluator, frame))
            }
            let function = UserFunction(name: declaration.name, parameters: evaluated, code: code, source: evaluator.currentSource)
            target.store(.function(function), in: frame)
            return .normal
        }
    }
}
