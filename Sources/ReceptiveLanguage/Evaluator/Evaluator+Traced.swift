import Learning
import Tensors

/// Operators, subscripts, fields, loops and literals on traced tensors (docs/language.md, "Learning"): each
/// records its operation on the tape, so gradients flow through ordinary code. The evaluator
/// reaches these only when a value is `.traced`, so code that takes no gradient never does.
extension Evaluator {
    /// `left ⊕ right` when either side is traced, nil otherwise. Comparisons see the plain
    /// values (they have no gradient, and a traced number compares to a bool as numbers do).
    func tracedCombine(_ left: Value, _ operation: BinaryOperator, _ right: Value,
                       at range: SourceRange) throws -> Value? {
        guard left.isTracedValue || right.isTracedValue else { return nil }
        switch operation {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return try combine(left.constant, operation, right.constant, at: range)
        default:
            break
        }
        guard let lhs = left.operand, let rhs = right.operand else {
            throw RuntimeError.unsupportedOperands(operation.rawValue, left, right, at: range)
        }
        return Value(operand: try catchingTensorErrors(at: range) {
            operation == .matmul
                ? try lhs.matmul(rhs, control: control)
                : try lhs.combined(with: rhs, Evaluator.elementwise(operation), control: control)
        })
    }

    /// `-x` for a traced x.
    func tracedNegation(_ traced: TracedTensor, at range: SourceRange) throws -> Value {
        Value(operand: try catchingTensorErrors(at: range) { try TensorOperand.traced(traced).negated(control: control) })
    }

    /// `x[...]` for a traced x: one element is a traced number.
    func tracedSubscript(_ traced: TracedTensor, _ indices: [IndexValue], at range: SourceRange) throws -> Value {
        let components = tensorIndices(indices)
        return Value(operand: try catchingTensorErrors(at: range) {
            try TensorOperand.traced(traced).subscripted(components, control: control)
        })
    }

    /// `x.shape`, `x.rank`, `x.size` and `x.T` of a traced x.
    func tracedField(_ name: String, of traced: TracedTensor, at range: SourceRange) throws -> Value {
        guard name == "T" else { return try field(name, of: .tensor(traced.value), at: range) }
        return Value(operand: try catchingTensorErrors(at: range) {
            try TensorOperand.traced(traced).transposed(control: control)
        })
    }

    /// The rows a `for` loop walks over a traced tensor: each one traced.
    func tracedRows(_ traced: TracedTensor, at range: SourceRange) throws -> [Value] {
        guard traced.value.rank >= 1 else { throw RuntimeError.notIterable(.traced(traced), at: range) }
        return try (0..<traced.value.shape[0]).map { row in
            try tracedSubscript(traced, [.position(row)], at: range)
        }
    }

    /// `x[...] = v` when x or v is traced: a new traced tensor, x with the selection replaced
    /// by v (broadcast); its gradient flows to v through the selection and to x elsewhere.
    func tracedStore(_ value: Value, into container: Value, at indices: [IndexValue],
                     range: SourceRange) throws -> Value {
        guard let target = container.operand else { throw RuntimeError.notAssignable(container, at: range) }
        guard let source = value.operand else { throw RuntimeError.notStorable(value, at: range) }
        let components = tensorIndices(indices)
        return Value(operand: try catchingTensorErrors(at: range) {
            let selected = try target.value.subscripted(components, control: control).shape
            let filler = try source.broadcast(to: selected, control: control)
            let control = control
            return try TensorOperand.moving([target, filler], control: control) { tensors in
                var result = tensors[0]
                try result.assign(tensors[1], at: components, control: control)
                return result
            }
        })
    }
}

extension Value {
    /// Whether this is a traced tensor, recording or not (a tensor that escaped a finished
    /// gradient is traced on a closed tape and acts as a constant).
    var isTracedValue: Bool {
        if case .traced = self { return true }
        return false
    }
}
