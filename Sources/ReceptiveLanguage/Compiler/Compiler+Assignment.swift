/// `x = e`, `x op= e` and `x[i, j] = e`.
extension Compiler {
    /// Compiles an assignment; the value is computed before the target's indices.
    func assignment(_ target: AssignmentTarget, operation: BinaryOperator?, value expression: Expression) -> StatementCode {
        let value = compile(expression)
        switch target {
        case .variable(let name, let range):
            let reference = resolve(name)
            guard let operation else {
                return { evaluator, frame in
                    reference.store(try value(evaluator, frame), in: frame)
                    return .normal
                }
            }
            return compoundAssignment(reference, operation, operand(expression), at: range, valueRange: expression.range)
        case .subscripted(let name, let components, let range):
            return elementAssignment(resolve(name), compile(components), operation: operation, value: value,
                                     at: range, valueRange: expression.range)
        case .field(let base, let name, let range):
            let object = compile(base)
            let combinedRange = range.merged(with: expression.range)
            return { evaluator, frame in
                var assigned = try value(evaluator, frame)
                let target = try object(evaluator, frame)
                if let operation {
                    let current = try evaluator.field(name, of: target, at: range)
                    assigned = try evaluator.combine(current, operation, assigned, at: combinedRange)
                }
                try evaluator.setField(name, of: target, to: assigned, at: range)
                return .normal
            }
        }
    }

    /// `x op= e`: the value first, then the variable (so a NameError names the value's first).
    private func compoundAssignment(_ reference: VariableReference, _ operation: BinaryOperator, _ value: Operand,
                                    at range: SourceRange, valueRange: SourceRange) -> StatementCode {
        let current = Operand.variable(reference, range)
        let combinedRange = range.merged(with: valueRange)
        return { evaluator, frame in
            if operation != .matmul, let b = value.number(in: frame), let a = reference.number(in: frame) {
                reference.replaceNumber(with: Evaluator.scalar(a, operation, b), in: frame)
                return .normal
            }
            let rhs = try value.value(evaluator, frame)
            let lhs = try current.value(evaluator, frame)
            reference.store(try evaluator.combine(lhs, operation, rhs, at: combinedRange), in: frame)
            return .normal
        }
    }

    private func elementAssignment(_ reference: VariableReference, _ indices: @escaping (Evaluator, Frame) throws -> [IndexValue],
                                   operation: BinaryOperator?, value: @escaping ExpressionCode,
                                   at range: SourceRange, valueRange: SourceRange) -> StatementCode {
        let current = read(reference, at: range)
        return { evaluator, frame in
            let assigned = try value(evaluator, frame)
            let positions = try indices(evaluator, frame)
            var stored = assigned
            if let operation {
                let element = try evaluator.subscripted(try current(evaluator, frame), positions, at: range)
                stored = try evaluator.combine(element, operation, assigned, at: range.merged(with: valueRange))
            }
            try storeElements(of: reference, stored, at: positions, in: frame, evaluator: evaluator, range: range)
            return .normal
        }
    }

    /// Writes into the container the name holds, in place, in the scope that holds it (as in
    /// Python, `x[i] = v` in a function changes a global `x`).
    private func storeElements(of reference: VariableReference, _ value: Value, at indices: [IndexValue],
                               in frame: Frame, evaluator: Evaluator, range: SourceRange) throws {
        // Taking the container out of its scope leaves the tensor's storage uniquely referenced,
        // so assigning one element does not copy the whole tensor.
        guard case (var container, let wasLocal)? = reference.take(in: frame) else {
            // Undefined (NameError) or a builtin (TypeError from store).
            var container = try read(reference, at: range)(evaluator, frame)
            try evaluator.store(value, into: &container, at: indices, range: range)
            return
        }
        defer { reference.putBack(container, wasLocal: wasLocal, in: frame) }
        try evaluator.store(value, into: &container, at: indices, range: range)
    }
}
