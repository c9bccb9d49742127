import Tensors

/// The fused loops of the backward rules: one pass over same-shaped operands writing a new
/// tensor, split over the cores by `ParallelLoop` when large.
///
/// A rule such as tanh's, `g · (1 − y²)`, would take three passes and two temporaries as
/// tensor operations; here it is one loop. The element closure reaches the loop through
/// `ParallelLoop`'s body closure, and the optimiser does not always inline it: under perf the
/// square's rule `g · 2x` spent a third of a grad-in-a-loop step calling it once per element,
/// so a rule that is one or two tensor-kernel passes (the square, a sign) uses those instead.
enum ElementwiseGradient {
    /// Work per element as `ParallelLoop` counts it (multiply-adds): a few arithmetic
    /// instructions, so a chunk of 2^19 is 64 Ki elements.
    private static let costPerElement = 8

    /// `f(a[i])` for every element.
    @inline(__always)
    static func map(_ a: Tensor, control: ExecutionControl, _ f: (Double) -> Double) throws -> Tensor {
        try produce(shape: a.shape, count: a.count, control: control) { out, range in
            a.scalars.withUnsafeBufferPointer { a in
                for i in range { out[i] = f(a[i]) }
            }
        }
    }

    /// `f(a[i], b[i])` for every element of two tensors of one shape.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, control: ExecutionControl,
                    _ f: (Double, Double) -> Double) throws -> Tensor {
        try checkShapes(a, b)
        return try produce(shape: a.shape, count: a.count, control: control) { out, range in
            a.scalars.withUnsafeBufferPointer { a in
                b.scalars.withUnsafeBufferPointer { b in
                    for i in range { out[i] = f(a[i], b[i]) }
                }
            }
        }
    }

    /// `f(a[i], b[i], c[i])` for every element of three tensors of one shape.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, _ c: Tensor, control: ExecutionControl,
                    _ f: (Double, Double, Double) -> Double) throws -> Tensor {
        try checkShapes(a, b)
        try checkShapes(a, c)
        return try produce(shape: a.shape, count: a.count, control: control) { out, range in
            a.scalars.withUnsafeBufferPointer { a in
                b.scalars.withUnsafeBufferPointer { b in
                    c.scalars.withUnsafeBufferPointer { c in
                        for i in range { out[i] = f(a[i], b[i], c[i]) }
                    }
                }
            }
        }
    }

    /// A new tensor of `shape` whose elements `body` writes, range by range.
    @inline(__always)
    private static func produce(shape: [Int], count: Int, control: ExecutionControl,
                                _ body: (UnsafeMutablePointer<Double>, Range<Int>) -> Void) throws -> Tensor {
        var result = [Double](repeating: 0, count: count)
        try result.withUnsafeMutableBufferPointer { out in
            guard let out = out.baseAddress else { return }
            try ParallelLoop.run("backward", units: count, costPerUnit: costPerElement, control: control) { range in
                body(out, range)
            }
        }
        return try Tensor(shape: shape, scalars: result)
    }

    private static func checkShapes(_ a: Tensor, _ b: Tensor) throws {
        guard a.shape == b.shape else {
            throw TensorError.shapeMismatch(
                "a gradient rule needs operands of one shape, found \(Tensor.describe(a.shape)) and \(Tensor.describe(b.shape))")
        }
    }
}
