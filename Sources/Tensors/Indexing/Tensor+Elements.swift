extension Tensor {
    /// The element at one position per axis (negative positions count from the end), as
    /// `subscripted` with plain indices would give it, without building a view or a tensor.
    /// Throws `indexOutOfRange` with the axis, index and size.
    public func element(at positions: [Int]) throws -> Double {
        scalars[try offset(of: positions)]
    }

    /// Sets the element at one position per axis, as `assign` with plain indices would.
    public mutating func setElement(_ value: Double, at positions: [Int]) throws {
        scalars[try offset(of: positions)] = value
    }

    /// The row-major offset of the element at `positions`, one per axis.
    private func offset(of positions: [Int]) throws -> Int {
        guard positions.count == rank else {
            throw TensorError.indexOutOfRange(
                "expected \(rank) indices for one element of a tensor of rank \(rank), found \(positions.count)")
        }
        var offset = 0
        for axis in 0..<rank {
            let size = shape[axis]
            let index = positions[axis]
            let position = index < 0 ? index + size : index
            guard position >= 0, position < size else {
                throw TensorError.indexOutOfRange("index \(index) is out of range for axis \(axis) with size \(size)")
            }
            offset = offset * size + position
        }
        return offset
    }
}
