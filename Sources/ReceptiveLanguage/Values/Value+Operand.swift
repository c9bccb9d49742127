import Learning
import Tensors

/// Values as the operands of differentiable operations (docs/language.md, "Learning").
extension Value {
    /// The value of a differentiable operation's result: a traced tensor stays traced at every
    /// rank (so that `sum(x)` can be differentiated), a plain one is a tensor or, at rank 0, a
    /// number.
    init(operand: TensorOperand) {
        switch operand {
        case .plain(let tensor): self = Value(tensor: tensor)
        case .traced(let traced): self = .traced(traced)
        }
    }

    /// The operand a numeric value gives (numbers, bools, tensors, lists and tuples of numbers,
    /// traced tensors); nil for anything else.
    var operand: TensorOperand? {
        if case .traced(let traced) = self { return .traced(traced) }
        return BoundArguments.tensor(from: self).map(TensorOperand.plain)
    }

    /// Whether this is a tensor recorded on a tape that is still recording.
    var isTraced: Bool {
        if case .traced(let traced) = self { return traced.tape.isOpen }
        return false
    }

    /// The value with any traced tensor replaced by the plain tensor or number it holds: what
    /// operations that have no gradient (comparisons, `argmax`, plots, ...) see.
    var constant: Value {
        if case .traced(let traced) = self { return Value(tensor: traced.value) }
        return self
    }
}

extension BoundArguments {
    /// `name` as a differentiable operand: a traced tensor as it is, anything `tensor(_:)`
    /// accepts as a constant.
    public func operand(_ name: String) throws -> TensorOperand {
        if case .traced(let traced) = value(name) { return .traced(traced) }
        return .plain(try tensor(name))
    }
}
