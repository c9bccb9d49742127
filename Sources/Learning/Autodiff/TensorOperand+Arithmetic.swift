import Foundation
import Tensors

extension TensorOperand {
    /// `self ⊕ other` elementwise with numpy broadcasting; the gradients are torch's
    /// (`tools/autograd/derivatives.yaml`), summed back over broadcast axes by the tape.
    /// Comparisons and `//` are constants (zero gradient), as in torch.
    public func combined(with other: TensorOperand, _ operation: BinaryOperation,
                         control: ExecutionControl) throws -> TensorOperand {
        let a = value, b = other.value
        let result = try a.combined(with: b, operation, control: control)
        guard isTraced || other.isTraced, let rule = TensorOperand.rule(operation, a, b, result, control) else {
            return .plain(result)
        }
        return TensorOperand.result(result, of: [self, other], rule: rule)
    }

    /// `-self`.
    public func negated(control: ExecutionControl) throws -> TensorOperand {
        try TensorOperand.plain(Tensor(scalar: -1)).combined(with: self, .multiply, control: control)
    }

    /// The rule giving each input's gradient (in the broadcast shape); nil for comparisons.
    private static func rule(_ operation: BinaryOperation, _ a: Tensor, _ b: Tensor, _ result: Tensor,
                             _ control: ExecutionControl) -> Tape.Rule? {
        switch operation {
        case .add:
            return { g, _ in g }
        case .subtract:
            return { g, input in input == 0 ? g : try g.applyingSign(-1, control: control) }
        case .multiply:
            return { g, input in try g.combined(with: input == 0 ? b : a, .multiply, control: control) }
        case .divide:
            return { g, input in
                if input == 0 { return try g.combined(with: b, .divide, control: control) }
                // torch: -grad · ((self / other) / other)
                let quotient = try a.combined(with: b, .divide, control: control).combined(with: b, .divide, control: control)
                return try g.combined(with: quotient, .multiply, control: control).applyingSign(-1, control: control)
            }
        case .remainder:
            return { g, input in
                if input == 0 { return g }
                // torch: -grad · self.div(other, rounding_mode="floor")
                let (x, y) = try TensorOperand.broadcastPair(a, b, to: g.shape, control: control)
                return try ElementwiseGradient.zip(g, x, y, control: control) { g, x, y in
                    -(g * TensorOperand.flooredQuotient(x, y))
                }
            }
        case .power:
            return { g, input in
                if input == 0, b.count == 1 {
                    // A constant exponent (x ** 2 above all): no broadcast operand, and no pow call
                    // for the squares that losses are made of (numpy and torch square too). The
                    // square's g · 2x is two passes of the vectorised tensor kernels: the fused
                    // closure loop called its closure once per element (a third of a grad-in-a-loop
                    // step under perf), since the closure reaches the loop through ParallelLoop.
                    let y = b.scalars[0]
                    let xs = try a.broadcast(to: g.shape, control: control)
                    if y == 2 {
                        return try xs.combined(with: Tensor(scalar: 2), .multiply, control: control)
                            .combined(with: g, .multiply, control: control)
                    }
                    return try ElementwiseGradient.zip(g, xs, control: control) { g, x in
                        y == 0 ? 0 : g * (y * Foundation.pow(x, y - 1))
                    }
                }
                let (x, y) = try TensorOperand.broadcastPair(a, b, to: g.shape, control: control)
                if input == 0 {
                    // torch pow_backward_self: 0 where the exponent is 0, else grad · (y · x^(y − 1)).
                    return try ElementwiseGradient.zip(g, x, y, control: control) { g, x, y in
                        y == 0 ? 0 : g * (y * Foundation.pow(x, y - 1))
                    }
                }
                // torch pow_backward_exponent: 0 where x == 0 and y ≥ 0, else grad · (result · ln x).
                let r = try result.broadcast(to: g.shape, control: control)
                let logs = try ElementwiseGradient.zip(x, y, r, control: control) { x, y, r in
                    x == 0 && y >= 0 ? 0 : r * Foundation.log(x)
                }
                return try g.combined(with: logs, .multiply, control: control)
            }
        case .minimum, .maximum:
            // torch: ties share the gradient equally; the other operand's side gets none.
            return { g, input in
                let (x, y) = try TensorOperand.broadcastPair(a, b, to: g.shape, control: control)
                let wantsLarger = operation == .maximum
                return try ElementwiseGradient.zip(g, x, y, control: control) { g, x, y in
                    if x == y { return g / 2 }
                    let mine = input == 0 ? x : y, theirs = input == 0 ? y : x
                    return (wantsLarger ? mine < theirs : mine > theirs) ? 0 : g
                }
            }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .floorDivide:
            // Comparisons and floor division are steps: torch gives them no gradient.
            return nil
        }
    }

    /// torch's floor division of doubles (`div_floor_floating`), which the remainder's gradient
    /// uses: fmod-based, so that it agrees with the floored remainder.
    static func flooredQuotient(_ a: Double, _ b: Double) -> Double {
        if b == 0 { return a / b }
        let mod = fmod(a, b)
        var quotient = (a - mod) / b
        if mod != 0, (b < 0) != (mod < 0) { quotient -= 1 }
        guard quotient != 0 else { return copysign(0, a / b) }
        var floored = quotient.rounded(.down)
        if quotient - floored > 0.5 { floored += 1 }
        return floored
    }

    /// Both operands repeated to `shape` (the result's).
    static func broadcastPair(_ a: Tensor, _ b: Tensor, to shape: [Int],
                              control: ExecutionControl) throws -> (Tensor, Tensor) {
        (try a.broadcast(to: shape, control: control), try b.broadcast(to: shape, control: control))
    }
}

extension Tensor {
    /// Every element times `sign` (±1), in one pass of the vectorised kernels.
    func applyingSign(_ sign: Double, control: ExecutionControl) throws -> Tensor {
        try combined(with: Tensor(scalar: sign), .multiply, control: control)
    }
}
