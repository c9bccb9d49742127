import Foundation
import Tensors

/// The fused loops of the backward rules: one pass over same-shaped operands writing a new
/// tensor, split over the cores by `ParallelLoop` when large.
///
/// A rule such as tanh's, `g · (1 − y²)`, would take three passes and two temporaries as
/// tensor operations; here it is one loop. The element closure reaches the loop through
/// `ParallelLoop`'s body closure, and the optimiser does not always inline it: under perf the
/// square's rule `g · 2x` spent a third of a grad-in-a-loop step calling it once per element,
/// so a rule that is one or two tensor-kernel passes (the square, a sign) uses those instead,
/// and the elementwise functions' rules have loops of their own (`unary`).
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

    /// The gradient of the elementwise `function` (not round, floor or ceil): `g` times the
    /// derivative, computed from `saved`, the function's input x for abs, log, sin and cos and
    /// its output y for the others, with torch's choices (relu′(0) = 0: `threshold_backward`
    /// tests the output, y ≤ 0 gives 0; abs′(0) = 0 and NaN for NaN, `sgn`).
    ///
    /// One loop per function, written out, rather than `zip` with a closure: activations are
    /// the elementwise rules training runs, and `zip` calls its closure once per element (see
    /// above); relu's loop is a vector compare and select (`relu`). In an epoch of the small CNN
    /// (benchmarks/learning.py) relu's backward pass took 9.5 % of the CPU time under perf,
    /// about 11 ms; now about 2.5 ms, a pass over memory.
    static func unary(_ function: UnaryFunction, _ g: Tensor, _ saved: Tensor, control: ExecutionControl) throws -> Tensor {
        try checkShapes(g, saved)
        return try produce(shape: g.shape, count: g.count, control: control) { out, range in
            g.scalars.withUnsafeBufferPointer { gBuffer in
                saved.scalars.withUnsafeBufferPointer { savedBuffer in
                    guard let g = gBuffer.baseAddress, let v = savedBuffer.baseAddress else { return }
                    switch function {
                    case .abs: for i in range { out[i] = g[i] * TensorOperand.sign(v[i]) }
                    case .sqrt: for i in range { out[i] = g[i] / (2 * v[i]) }
                    case .exp: for i in range { out[i] = g[i] * v[i] }
                    case .log: for i in range { out[i] = g[i] / v[i] }
                    case .sin: for i in range { out[i] = g[i] * Foundation.cos(v[i]) }
                    case .cos: for i in range { out[i] = g[i] * -Foundation.sin(v[i]) }
                    case .tanh: for i in range { out[i] = g[i] * (1 - v[i] * v[i]) }
                    case .sigmoid: for i in range { out[i] = g[i] * (1 - v[i]) * v[i] }
                    case .relu: relu(g, v, out, range)
                    case .round, .floor, .ceil: for i in range { out[i] = 0 }
                    }
                }
            }
        }
    }

    /// relu's rule `y ≤ 0 ? 0 : g` over `range`, four lanes at a time with a vector compare
    /// and select. Written as a branch, the compiler kept the branch, which half of a layer's
    /// outputs take at random: perf showed the mispredictions costing ~10 cycles an element.
    @inline(__always)
    private static func relu(_ g: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                             _ range: Range<Int>) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let gradient = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD4<Double>.self)
            let output = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self)
            UnsafeMutableRawPointer(out + i).storeBytes(of: gradient.replacing(with: 0, where: output .<= 0),
                                                        as: SIMD4<Double>.self)
            i += 4
        }
        while i < range.upperBound {
            out[i] = y[i] <= 0 ? 0 : g[i]
            i += 1
        }
    }

    /// A new tensor of `shape` whose elements `body` writes, range by range; the ranges cover
    /// every element, so the storage is not zero-filled first.
    @inline(__always)
    private static func produce(shape: [Int], count: Int, control: ExecutionControl,
                                _ body: (UnsafeMutablePointer<Double>, Range<Int>) -> Void) throws -> Tensor {
        try control.checkAllocation(count)
        return try Tensor(uninitializedShape: shape, count: count) { out in
            try ParallelLoop.run("backward", units: count, costPerUnit: costPerElement, control: control) { range in
                body(out, range)
            }
        }
    }

    private static func checkShapes(_ a: Tensor, _ b: Tensor) throws {
        guard a.shape == b.shape else {
            throw TensorError.shapeMismatch(
                "a gradient rule needs operands of one shape, found \(Tensor.describe(a.shape)) and \(Tensor.describe(b.shape))")
        }
    }
}
