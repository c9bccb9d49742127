import Tensors

extension TensorOperand {
    /// `function` applied to every element, with torch's derivative: relu′(0) = 0 and
    /// abs′(0) = 0 (`threshold_backward`, `sgn`); `round`, `floor` and `ceil` are constants
    /// (zero gradient), as in torch.
    public func applying(_ function: UnaryFunction, control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let y = try x.applying(function, control: control)
        guard isTraced, ![.round, .floor, .ceil].contains(function) else { return .plain(y) }
        // The rules read y where torch's do (sqrt, exp, tanh, sigmoid, relu), x elsewhere.
        let saved = [.sqrt, .exp, .tanh, .sigmoid, .relu].contains(function) ? y : x
        return TensorOperand.result(y, of: self) { g in
            try ElementwiseGradient.unary(function, g, saved, control: control)
        }
    }

    /// Every element limited to `[low, high]`; the gradient passes strictly inside, low < x <
    /// high, and is 0 elsewhere, at the bounds themselves and at NaN, as torch 2.15's `clamp`
    /// gives (checked against torch.autograd: clamp(x, -0.5, 0.5) at x = ±0.5 has gradient 0).
    public func clipped(low: Double, high: Double, control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let y = try x.clipped(low: low, high: high, control: control)
        return TensorOperand.result(y, of: self) { g in
            try ElementwiseGradient.zip(g, x, control: control) { g, x in x > low && x < high ? g : 0 }
        }
    }

    /// torch's `sgn` of a real number: −1, 0 or 1, and NaN for NaN.
    static func sign(_ x: Double) -> Double {
        x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0))
    }
}
