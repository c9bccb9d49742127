import Foundation
import Tensors

extension TensorOperand {
    /// softmax (or, with `logarithm`, log-softmax) along `axis`, as torch computes them
    /// (the maximum subtracted first, so that e^x never overflows). The gradients are torch's:
    /// y·(g − Σ g·y) for softmax and g − e^y·Σ g for log-softmax, sums along the axis.
    public func softmax(axis: Int, logarithm: Bool, control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let resolved = try x.normalizedAxis(axis)
        let y = try x.softmax(axis: resolved, logarithm: logarithm, control: control)
        return TensorOperand.result(y, of: self) { g in
            try SoftmaxLines(shape: x.shape, axis: resolved).backward(g, y, logarithm: logarithm, control: control)
        }
    }
}

/// The lines of a tensor along one axis, `outer` blocks of `length` elements `inner` apart: the
/// backward pass of softmax and log-softmax (the forward pass is `Tensor.softmax`'s kernels).
struct SoftmaxLines {
    let outer: Int
    let length: Int
    let inner: Int

    init(shape: [Int], axis: Int) {
        outer = shape[..<axis].reduce(1, *)
        length = shape[axis]
        inner = shape[(axis + 1)...].reduce(1, *)
    }

    /// The gradient of every line given the output gradient `g` and the output `y`.
    func backward(_ g: Tensor, _ y: Tensor, logarithm: Bool, control: ExecutionControl) throws -> Tensor {
        var result = [Double](zeroedTensorStorage: g.count)
        try eachLine(control: control) { start in
            var total = 0.0
            for i in 0..<length {
                let index = start + i * inner
                total += logarithm ? g.scalars[index] : g.scalars[index] * y.scalars[index]
            }
            for i in 0..<length {
                let index = start + i * inner
                result[index] = logarithm
                    ? g.scalars[index] - Foundation.exp(y.scalars[index]) * total
                    : y.scalars[index] * (g.scalars[index] - total)
            }
        }
        return try Tensor(shape: g.shape, scalars: result)
    }

    /// Calls `body` with the first index of every line.
    private func eachLine(control: ExecutionControl, _ body: (Int) -> Void) throws {
        for block in 0..<outer {
            try control.checkInterrupt()
            for offset in 0..<inner { body(block * length * inner + offset) }
        }
    }
}
