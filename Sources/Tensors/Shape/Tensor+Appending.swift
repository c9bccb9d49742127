extension Tensor {
    /// A vector of these numbers.
    public init(vector scalars: [Double]) {
        self.init(validatedShape: [scalars.count], scalars: scalars)
    }

    /// An empty vector (shape `[0]`), what `[]` means.
    public static let emptyVector = Tensor(validatedShape: [0], scalars: [])

    /// Whether `item` can be appended along the first axis: a number to a vector, a tensor of
    /// the other axes' shape to a higher-rank tensor, anything numeric to an empty vector.
    public func canAppend(itemShape: [Int]) -> Bool {
        if shape == [0] { return true }
        return rank >= 1 && Array(shape.dropFirst()) == itemShape
    }

    /// Appends a number to a vector, in place; the storage grows like an array's, so
    /// appending n numbers costs O(n). The caller checks the allocation cap and the rank.
    ///
    /// Always inlined: the interpreter appends a number on every `append(xs, i)` of a loop.
    /// Called across the module boundary, the vector went through memory (stored to the
    /// caller's stack, loaded back after the call) and the call cost a frame of its own
    /// (callgrind: 45 of the ~205 instructions of each number appended were this function's).
    @inlinable @inline(__always)
    public mutating func append(_ value: Double) {
        // A vector is always row-major (its one axis order is the identity); the check keeps a
        // misuse on a transposed matrix correct, at the cost of one comparison.
        if layout != nil { makeRowMajor() }
        storage.append(value)
        storedShape[0] += 1
    }

    /// Appends one item along the first axis, in place (`canAppend(itemShape:)` must hold):
    /// an empty vector becomes a stack of one item.
    public mutating func append(_ item: Tensor) {
        // The elements first: writing `scalars` makes a transposed stack row-major, which
        // must happen under its old shape.
        scalars.append(contentsOf: item.scalars)
        if shape == [0] {
            shape = [1] + item.shape
        } else {
            shape[0] += 1
        }
    }
}
