import WholeNumbers

/// An N-dimensional array of `Double`.
///
/// A rank-0 tensor (shape `[]`) holds one scalar. Values are copy-on-write, like `Array`.
///
/// The elements are stored contiguously, usually in row-major (C) order. A transpose is not
/// copied: it keeps its source's storage and records the order in which its axes are laid out
/// (`axisOrder`), as numpy's `x.T` is a view; elementwise operations run over such a tensor in
/// its storage order and give their result the same layout (numpy's `order='K'`), so `x.T + 1`
/// is one contiguous pass, and `@` reads it through strides. Everything else sees row-major
/// `scalars`, copied out of the storage when the layout differs.
public struct Tensor: Sendable {
    /// The extent of each axis, outermost first.
    ///
    /// Set only inside the module, and only on a row-major tensor (`isRowMajor`): a tensor laid
    /// out otherwise reads its storage through its shape.
    public internal(set) var shape: [Int]
    /// The elements in storage order: row-major over the axes taken in `axisOrder`.
    @usableFromInline var storage: [Double]
    /// The axes in the order they are laid out in `storage`, outermost first; nil when that is
    /// their own order (row-major), as for every tensor but a transpose and what is computed
    /// elementwise from one. Never the identity permutation (that is nil).
    @usableFromInline private(set) var axisOrder: [Int]?
    /// The row-major copy of a tensor laid out otherwise, made when `scalars` is first read
    /// (nil for a row-major tensor).
    @usableFromInline private(set) var rowMajorCopy: RowMajorCopy?

    /// The elements in row-major order; `scalars.count == shape.product`.
    ///
    /// For a tensor laid out otherwise (a transpose), the first read copies the elements into
    /// row-major order and later reads return that copy. Writing through it
    /// (`t.scalars[i] = v`) makes the storage row-major.
    public var scalars: [Double] {
        @inlinable get { axisOrder == nil ? storage : rowMajorElements() }
        _modify {
            makeRowMajor()
            yield &storage
        }
        set {
            storage = newValue
            axisOrder = nil
            rowMajorCopy = nil
        }
    }

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
        self.storage = scalars
    }

    /// Creates a tensor of `shape` with every element equal to `value`, after checking
    /// `control`'s cap.
    public init(repeating value: Double, shape: [Int], control: ExecutionControl) throws {
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        self.shape = shape
        self.storage = [Double](repeating: value, count: count)
    }

    /// Creates a rank-0 tensor holding `value`.
    public init(scalar value: Double) {
        shape = []
        storage = [value]
    }

    /// Internal initialiser for shapes already validated by the caller.
    init(validatedShape shape: [Int], scalars: [Double]) {
        self.shape = shape
        self.storage = scalars
    }

    /// Makes the storage row-major (the row-major copy, when it is laid out otherwise).
    @usableFromInline
    mutating func makeRowMajor() {
        guard axisOrder != nil else { return }
        storage = rowMajorElements()
        axisOrder = nil
        rowMajorCopy = nil
    }

    /// Prepares the storage to be written in place: a row-major copy made from the old
    /// elements would no longer match them.
    mutating func forgetRowMajorCopy() {
        if axisOrder != nil { rowMajorCopy = RowMajorCopy() }
    }

    /// A tensor of `shape` whose `storage` holds its elements laid out in `axisOrder` (nil or a
    /// permutation of the axes; the identity is stored as nil).
    init(validatedShape shape: [Int], storage: [Double], axisOrder: [Int]?) {
        self.shape = shape
        self.storage = storage
        self.axisOrder = axisOrder.flatMap { order in order.indices.elementsEqual(order) ? nil : order }
        if self.axisOrder != nil { rowMajorCopy = RowMajorCopy() }
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { storage.count }

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
