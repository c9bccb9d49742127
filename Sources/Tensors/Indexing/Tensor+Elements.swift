extension Tensor {
    /// The element at one position per axis (negative positions count from the end), as
    /// `subscripted` with plain indices would give it, without building a view or a tensor.
    /// Throws `indexOutOfRange` with the axis, index and size.
    public func element(at positions: [Int]) throws -> Double {
        storage[try offset(of: positions)]
    }

    /// The element at `offset` in row-major order, which the caller has checked is in range:
    /// read in place from a row-major tensor's storage (through `scalars` the array was
    /// retained and released around every read of a hand-written loop).
    @inlinable
    public func element(atRowMajorOffset offset: Int) -> Double {
        layout == nil ? storage[offset] : rowMajorElements()[offset]
    }

    /// Sets the element at one position per axis, as `assign` with plain indices would.
    public mutating func setElement(_ value: Double, at positions: [Int]) throws {
        let offset = try offset(of: positions)
        forgetRowMajorCopy()
        storage[offset] = value
    }

    /// The storage offset of the element at `positions`, one per axis.
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
        guard axisOrder != nil else { return offset }
        // Laid out otherwise: the same positions through the storage's strides (checked above).
        return zip(positions, zip(shape, storageStrides)).reduce(0) { total, item in
            let (index, (size, stride)) = item
            return total + (index < 0 ? index + size : index) * stride
        }
    }
}
