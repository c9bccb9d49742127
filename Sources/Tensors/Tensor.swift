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
    public internal(set) var shape: [Int] {
        @inlinable get { storedShape }
        set { storedShape = newValue }
        _modify { yield &storedShape }
    }
    /// The storage of `shape`, visible to inlined code so that `append(_:)` (a number appended
    /// to a vector, on every `append` of an interpreter loop) can be inlined.
    @usableFromInline var storedShape: [Int]
    /// The elements in storage order: row-major over the axes taken in `axisOrder`.
    @usableFromInline var storage: [Double]
    /// How the axes are laid out in `storage` when that is not their own order (a transpose and
    /// what is computed elementwise from one); nil for a row-major tensor, as every other is.
    ///
    /// One optional reference rather than the order and its row-major copy side by side: a
    /// `Value` holds a tensor inline and the interpreter copies values on every operation, so
    /// every word the tensor adds is paid on scalar code that never sees a transpose. With the
    /// two fields (four words in all), callgrind counted the interpreter's rows 13-85% above
    /// the two-word tensor's (benchmarks/results/interpreter.md).
    @usableFromInline private(set) var layout: AxisLayout?

    /// The axes in the order they are laid out in `storage`, outermost first; nil when that is
    /// their own order (row-major). Never the identity permutation (that is nil).
    @inlinable var axisOrder: [Int]? { layout?.axisOrder }

    /// The elements in row-major order; `scalars.count == shape.product`.
    ///
    /// For a tensor laid out otherwise (a transpose), the first read copies the elements into
    /// row-major order and later reads return that copy. Writing through it
    /// (`t.scalars[i] = v`) makes the storage row-major.
    public var scalars: [Double] {
        @inlinable get { layout == nil ? storage : rowMajorElements() }
        _modify {
            makeRowMajor()
            yield &storage
        }
        set {
            storage = newValue
            layout = nil
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
        storedShape = shape
        self.storage = scalars
    }

    /// Creates a tensor of `shape` with every element equal to `value`, after checking
    /// `control`'s cap (`zeros`, `ones`, `full`, `eye`, the seed of a backward pass), its
    /// storage allocated as every tensor's is (`init(tensorStorageCapacity:)`).
    public init(repeating value: Double, shape: [Int], control: ExecutionControl) throws {
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        self.init(uninitializedShape: shape, count: count) { $0.initialize(repeating: value, count: count) }
    }

    /// Creates a rank-0 tensor holding `value`.
    public init(scalar value: Double) {
        storedShape = []
        storage = [value]
    }

    /// Internal initialiser for shapes already validated by the caller.
    init(validatedShape shape: [Int], scalars: [Double]) {
        storedShape = shape
        self.storage = scalars
    }

    /// Makes the storage row-major (the row-major copy, when it is laid out otherwise).
    @usableFromInline
    mutating func makeRowMajor() {
        guard layout != nil else { return }
        storage = rowMajorElements()
        layout = nil
    }

    /// Prepares the storage to be written in place: a row-major copy made from the old
    /// elements would no longer match them.
    mutating func forgetRowMajorCopy() {
        if let layout { self.layout = AxisLayout(axisOrder: layout.axisOrder) }
    }

    /// A tensor of `shape` whose `storage` holds its elements laid out in `axisOrder` (nil or a
    /// permutation of the axes; the identity is stored as nil).
    init(validatedShape shape: [Int], storage: [Double], axisOrder: [Int]?) {
        storedShape = shape
        self.storage = storage
        self.layout = axisOrder.flatMap { order in order.indices.elementsEqual(order) ? nil : AxisLayout(axisOrder: order) }
    }

    // Inlinable, as are `append(_:)` and `element(atRowMajorOffset:)`: the interpreter reads
    // them on every element read and append, where a call across the module boundary cost
    // more than the read.

    /// The number of axes.
    @inlinable public var rank: Int { shape.count }

    /// The number of elements.
    @inlinable public var count: Int { storage.count }

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
