import Foundation

extension Tensor {
    /// Applies `function` to every element: one pass of the vector kernels into a new tensor,
    /// over every core for large tensors. Results are within a few ulp of the correctly rounded
    /// value (sqrt, abs, relu and round exactly), with infinities, NaN, subnormals and overflow
    /// as libm and numpy give them (`TranscendentalAccuracyTests`). The result keeps this
    /// tensor's layout (the pass runs in storage order).
    public func applying(_ function: UnaryFunction, control: ExecutionControl) throws -> Tensor {
        let kernel = VectorKernel.best
        return try storage.withUnsafeBufferPointer { input in
            try Tensor(uninitializedShape: shape, count: count, axisOrder: axisOrder) { output in
                guard let x = input.baseAddress else { return }
                try ElementChunks.run(function.rawValue, count: count, costPerElement: function.cost,
                                      control: control) { range in
                    kernel.apply(function, x + range.lowerBound, output + range.lowerBound, count: range.count)
                }
            }
        }
    }

    /// Limits every element to `[low, high]`, like `numpy.clip` (NaN elements or bounds give NaN).
    public func clipped(low: Double, high: Double, control: ExecutionControl) throws -> Tensor {
        guard !(low > high) else {
            throw TensorError.invalidArgument("clip needs low ≤ high, found low \(Tensor.describe(low)) and high \(Tensor.describe(high))")
        }
        if low.isNaN || high.isNaN { return try mapChecked(control: control) { _ in .nan } }
        let kernel = VectorKernel.best
        return try storage.withUnsafeBufferPointer { input in
            try Tensor(uninitializedShape: shape, count: count, axisOrder: axisOrder) { output in
                guard let x = input.baseAddress else { return }
                try ElementChunks.run("clip", count: count, costPerElement: 1, control: control) { range in
                    kernel.clip(x + range.lowerBound, output + range.lowerBound, count: range.count, low: low, high: high)
                }
            }
        }
    }

    /// Rounds to `decimals` places with halves to even, like `numpy.round` (which scales by
    /// 10^decimals, rounds, and scales back, so it inherits that method's binary rounding).
    public func rounded(decimals: Int, control: ExecutionControl) throws -> Tensor {
        guard decimals != 0 else { return try applying(.round, control: control) }
        guard Swift.abs(decimals) <= 308 else {
            throw TensorError.invalidArgument("round needs decimals between -308 and 308, found \(decimals)")
        }
        let scale = pow(10, Double(Swift.abs(decimals)))
        if decimals > 0 {
            return try mapChecked(control: control) { ($0 * scale).rounded(.toNearestOrEven) / scale }
        }
        return try mapChecked(control: control) { ($0 / scale).rounded(.toNearestOrEven) * scale }
    }

    /// Whether every pair of broadcast elements satisfies `|a - b| ≤ tolerance·(1 + |b|)`
    /// (numpy's `allclose` with `rtol = atol = tolerance`); NaN is never close.
    public func isClose(to other: Tensor, tolerance: Double, control: ExecutionControl) throws -> Bool {
        let left = try broadcast(to: Tensor.broadcastShape(shape, other.shape), control: control)
        let right = try other.broadcast(to: left.shape, control: control)
        for (a, b) in zip(left.scalars, right.scalars) {
            if a == b { continue }
            guard Swift.abs(a - b) <= tolerance * (1 + Swift.abs(b)) else { return false }
        }
        return true
    }
}
