import Tensors

extension TensorOperand {
    /// `reduction` over every element or along `axis` (removed), with torch's gradients:
    /// sum and mean spread the gradient evenly; max and min share it equally among the
    /// elements equal to the result (`evenly_distribute_backward` for the whole tensor, `amax`/
    /// `amin`'s rule along an axis); norm gives x·g/‖x‖ (0 where ‖x‖ = 0); argmax and argmin
    /// are constants.
    public func reduced(_ reduction: Reduction, axis: Int? = nil, control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let y = try x.reduced(reduction, axis: axis, control: control)
        guard isTraced, reduction != .argmax, reduction != .argmin else { return .plain(y) }
        let resolved = try axis.map { try x.normalizedAxis($0) }
        return TensorOperand.result(y, of: self) { g in
            // The result and its gradient with the reduced axis kept (extent 1), so that they
            // broadcast against x.
            var kept = x.shape
            if let resolved { kept[resolved] = 1 } else { kept = kept.map { _ in 1 } }
            let gradient = try g.reshaped(kept)
            let result = try y.reshaped(kept)
            let count = resolved.map { x.shape[$0] } ?? x.count
            switch reduction {
            case .sum where resolved == nil:
                return try Tensor(repeating: g.scalars[0], shape: x.shape, control: control)
            case .mean where resolved == nil:
                return try Tensor(repeating: g.scalars[0] / Double(count), shape: x.shape, control: control)
            case .sum:
                return try gradient.broadcast(to: x.shape, control: control)
            case .mean:
                let scale = Double(count)
                return try ElementwiseGradient.map(gradient.broadcast(to: x.shape, control: control),
                                                   control: control) { $0 / scale }
            case .max, .min:
                return try TensorOperand.shareAmongTies(gradient, result, x, wholeTensor: resolved == nil, control: control)
            case .norm:
                let scale = try ElementwiseGradient.zip(gradient, result, control: control) { g, n in n == 0 ? 0 : g / n }
                return try x.combined(with: scale, .multiply, control: control)
            case .argmax, .argmin:
                return try Tensor(repeating: 0, shape: x.shape, control: control)
            }
        }
    }

    /// The gradient of a max or min: each line's gradient divided equally among its elements
    /// equal to the result. Over the whole tensor a NaN result counts its NaN elements as the
    /// ties (torch's `evenly_distribute_backward`); along an axis the tie mask is `x == result`,
    /// so a NaN line gets g/0·0 = NaN everywhere, as `amax`'s rule does in torch.
    private static func shareAmongTies(_ gradient: Tensor, _ result: Tensor, _ x: Tensor, wholeTensor: Bool,
                                       control: ExecutionControl) throws -> Tensor {
        let results = try result.broadcast(to: x.shape, control: control)
        let nanResult = wholeTensor && (result.scalars.first?.isNaN ?? false)
        let mask = try ElementwiseGradient.zip(x, results, control: control) { x, r in
            (nanResult ? x.isNaN : x == r) ? 1 : 0
        }
        let ties = try mask.summed(toShape: result.shape, control: control)
        let share = try ElementwiseGradient.zip(gradient, ties, control: control) { g, n in g / n }
        return try ElementwiseGradient.zip(mask, share.broadcast(to: x.shape, control: control),
                                           control: control) { m, s in m * s }
    }
}
