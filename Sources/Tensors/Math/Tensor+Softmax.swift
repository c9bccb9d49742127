extension Tensor {
    /// softmax along `axis` (negative counts from the end): e^(x − m) / Σ e^(x − m) over each
    /// line along the axis, m the line's largest element, as numpy's stable formula and
    /// `torch.softmax` compute it; `logarithm` gives log-softmax, x − m − ln Σ e^(x − m).
    ///
    /// Along the last axis each row is one pass of the vector kernels (max, then exp and sum,
    /// then scale); along another axis the tensor is moved so that the axis is last, and back.
    public func softmax(axis: Int = -1, logarithm: Bool = false, control: ExecutionControl) throws -> Tensor {
        let resolved = try normalizedAxis(axis)
        if resolved != rank - 1 {
            var order = Array(0..<rank)
            order.swapAt(resolved, rank - 1)
            let moved = try transposed(order, control: control)
            return try moved.softmax(axis: -1, logarithm: logarithm, control: control).transposed(order, control: control)
        }
        let length = shape[resolved]
        let rows = length == 0 ? 0 : count / length
        let kernel = VectorKernel.best
        return try rowMajor(control: control).storage.withUnsafeBufferPointer { input in
            try Tensor(uninitializedShape: shape, count: count) { output in
                guard let x = input.baseAddress else { return }
                try ElementChunks.run(logarithm ? "log_softmax" : "softmax", count: rows,
                                      costPerElement: length * 8, control: control) { range in
                    kernel.softmax(logarithm: logarithm, x + range.lowerBound * length, output + range.lowerBound * length,
                                   rows: range.count, length: length)
                }
            }
        }
    }
}
