import WholeNumbers

/// An N-dimensional array of `Double` stored contiguously in row-major (C) order.
///
/// A rank-0 tensor (shape `[]`) holds one scalar. Values are copy-on-write, like `Array`.
public struct Tensor: Sendable, Equatable {
    /// The extent of each axis, outermost first.
    public internal(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.product`.
    public var scalars: [Double]

    /// Creates a tensor from a shape and its row-major elements.
    ///
    /// Throws `TensorError.shapeMismatch` when the counts disagree, and
    /// `TensorError.limitExceeded` when the shape is larger than the allocation cap.
    public init(shape: [Int], scalars: [Double]) throws {
        let count = try Tensor.elementCount(of: shape)
        guard count == scalars.count else {
            throw TensorError.shapeMismatch(
                "shape \(Tensor.describe(shape)) needs \(count) elements, found \(scalars.count)")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Creates a tensor of `shape` with every element equal to `value`, after checking
    /// `control`'s cap.
    public init(repeating value: Double, shape: [Int], control: ExecutionControl) throws {
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        self.shape = shape
        self.scalars = [Double](repeating: value, count: count)
    }

    /// Creates a rank-0 tensor holding `value`.
    public init(scalar value: Double) {
        shape = []
        scalars = [value]
    }

    /// Internal initialiser for shapes already validated by the caller.
    init(validatedShape shape: [Int], scalars: [Double]) {
        self.shape = shape
        self.scalars = scalars
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// Row-major strides in elements: the distance between neighbours along each axis.
    public var strides: [Int] { Tensor.strides(for: shape) }

    /// Row-major strides for `shape`.
    public static func strides(for shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// The element count of `shape`, rejecting negative extents and overflow.
    public static func elementCount(of shape: [Int]) throws -> Int {
        var count = 1
        for extent in shape {
            guard extent >= 0 else {
                throw TensorError.invalidArgument("shape \(describe(shape)) has a negative extent")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else {
                throw TensorError.limitExceeded("shape \(describe(shape)) has too many elements to count")
            }
            count = product
        }
        return count
    }

    /// A number the way the language prints it in messages: `3`, not `3.0`; otherwise the
    /// shortest form that reads back to the same Double.
    static func describe(_ value: Double) -> String {
        value.wholeNumber.map(String.init) ?? "\(value)"
    }

    /// A shape written the way the renderer and error messages show it, e.g. `2×3`.
    public static func describe(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }
}
