/// Calls, including `del(x, y)`, which takes names rather than values.
extension Compiler {
    /// Compiles `f(a, name: b)`: the callee, then the arguments in source order.
    func call(_ calleeExpression: Expression, _ arguments: [Argument], at range: SourceRange) -> ExpressionCode {
        let callee = compile(calleeExpression)
        // The parser puts positional arguments first, so this keeps the source order.
        let positional = arguments.filter { $0.name == nil }.map { compile($0.value) }
        let named = arguments.compactMap { argument in argument.name.map { (name: $0, value: compile(argument.value)) } }
        let general: ExpressionCode = { evaluator, frame in
            let function = try callee(evaluator, frame)
            // A user function called with positional arguments gets them straight in its frame.
            if named.isEmpty, case .function(let callable) = function, let user = callable as? UserFunction,
               positional.count <= user.parameters.count {
                let callFrame = Frame.make(user.code.layout)
                for index in positional.indices { callFrame.slots[index] = try positional[index](evaluator, frame) }
                return try evaluator.invoke(user, in: callFrame, given: positional.count, at: range)
            }
            var values: [Value] = []
            values.reserveCapacity(positional.count)
            for code in positional { values.append(try code(evaluator, frame)) }
            let namedValues = try named.map { ArgumentBinder.Named(name: $0.name, value: try $0.value(evaluator, frame)) }
            return try evaluator.call(function, positional: values, named: namedValues, at: range)
        }
        guard case .variable("del") = calleeExpression.kind else { return general }
        return deletion(arguments, otherwise: general)
    }

    /// `del(x, y)` removes the variables themselves, unless `del` names something else now.
    private func deletion(_ arguments: [Argument], otherwise general: @escaping ExpressionCode) -> ExpressionCode {
        let callee = resolve("del")
        let targets = arguments.map { argument -> (name: String, reference: VariableReference?, range: SourceRange)? in
            guard argument.name == nil, case .variable(let name) = argument.value.kind else { return nil }
            return (name, deletable(name), argument.range)
        }
        let ranges = arguments.map(\.range)
        return { evaluator, frame in
            guard case .function(let function)? = callee.value(in: frame), function is Builtin else {
                return try general(evaluator, frame)
            }
            for (index, target) in targets.enumerated() {
                guard let target else { throw RuntimeError.deleteExpectsNames(at: ranges[index]) }
                guard target.reference?.remove(in: frame) == true else {
                    throw RuntimeError.deleteUndefined(target.name, at: target.range)
                }
            }
            return .none
        }
    }
}
