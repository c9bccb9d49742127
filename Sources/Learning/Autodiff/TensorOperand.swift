import Tensors

/// A tensor operand of a differentiable operation: a plain tensor, or one traced on a tape.
///
/// Every differentiable operation takes and returns operands. When no operand is traced on an
/// open tape the operation is the plain tensor operation and records nothing; otherwise the
/// result is traced too, with a rule that gives each traced input's gradient.
public enum TensorOperand: Sendable {
    /// A tensor no gradient flows to (a constant).
    case plain(Tensor)
    /// A tensor recorded on a tape.
    case traced(TracedTensor)

    /// The tensor's value, traced or not.
    public var value: Tensor {
        switch self {
        case .plain(let tensor): return tensor
        case .traced(let traced): return traced.value
        }
    }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// The traced tensor when its tape is still recording; a closed tape's tensors are constants.
    public var trace: TracedTensor? {
        guard case .traced(let traced) = self, traced.tape.isOpen else { return nil }
        return traced
    }

    /// Whether a gradient can flow through this operand.
    public var isTraced: Bool { trace != nil }

    /// The result `value` of an operation on `inputs`: traced when one of them is, with `rule`
    /// giving the gradient of input `position` (called only for traced inputs, during the
    /// backward pass); plain otherwise, and `rule` is dropped unused.
    static func result(_ value: Tensor, of inputs: [TensorOperand], rule: @escaping Tape.Rule) -> TensorOperand {
        var tape: Tape?
        var parents: [(position: Int, node: Int)] = []
        for (position, input) in inputs.enumerated() {
            // Gradients are first-order and taken on one tape at a time (nesting is refused
            // where tapes are opened), so every traced input shares the first one's tape.
            guard let traced = input.trace, tape == nil || traced.tape === tape else { continue }
            tape = traced.tape
            parents.append((position, traced.node))
        }
        guard let tape else { return .plain(value) }
        return .traced(tape.record(value, parents: parents, rule: rule))
    }

    /// The result of a one-input operation.
    static func result(_ value: Tensor, of input: TensorOperand, rule: @escaping @Sendable (Tensor) throws -> Tensor) -> TensorOperand {
        guard let traced = input.trace else { return .plain(value) }
        return .traced(traced.tape.record(value, parents: [(0, traced.node)]) { gradient, _ in try rule(gradient) })
    }
}
