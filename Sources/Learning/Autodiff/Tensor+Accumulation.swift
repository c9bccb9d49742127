import Tensors

extension Tensor {
    /// Sums this tensor (a gradient in a broadcast shape) down to `shape`, which must broadcast
    /// to this tensor's shape: the gradient of a broadcast input is the sum over the positions
    /// that read each of its elements.
    ///
    /// One pass in row-major order, each element added into the input element it came from;
    /// a broadcast last axis sums a whole row into one accumulator first.
    func summed(toShape shape: [Int], control: ExecutionControl) throws -> Tensor {
        guard shape != self.shape else { return self }
        guard shape.count <= rank, try Tensor.broadcastShape(shape, self.shape) == self.shape else {
            throw TensorError.shapeMismatch(
                "cannot sum a gradient of shape \(Tensor.describe(self.shape)) down to \(Tensor.describe(shape))")
        }
        let count = try Tensor.elementCount(of: shape)
        var result = [Double](zeroedTensorStorage: count)
        let targetStrides = Tensor.strides(for: shape)
        let offset = rank - shape.count
        // The stride of each of this tensor's axes in the result: 0 where the axis is broadcast.
        let strides = (0..<rank).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : targetStrides[axis - offset]
        }
        let rowLength = self.shape.last ?? 1
        let rows = rowLength == 0 ? 0 : self.count / rowLength
        let rowStride = strides.last ?? 0
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                var counter = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
                var base = 0
                for row in 0..<rows {
                    let start = row * rowLength
                    if rowStride == 0 {
                        var total = 0.0
                        for i in 0..<rowLength { total += source[start + i] }
                        target[base] += total
                    } else {
                        for i in 0..<rowLength { target[base + i] += source[start + i] }
                    }
                    var axis = rank - 2
                    while axis >= 0 {
                        counter[axis] += 1
                        base += strides[axis]
                        if counter[axis] < self.shape[axis] { break }
                        base -= strides[axis] * self.shape[axis]
                        counter[axis] = 0
                        axis -= 1
                    }
                }
            }
        }
        try control.checkInterrupt()
        return try Tensor(shape: shape, scalars: result)
    }

    /// Adds `other` (of this shape) into this tensor in place: gradients of one variable that
    /// several operations used add up.
    mutating func accumulate(_ other: Tensor, control: ExecutionControl) throws {
        guard other.shape == shape else {
            throw TensorError.shapeMismatch(
                "gradients of one variable must have its shape, found \(Tensor.describe(shape)) and \(Tensor.describe(other.shape))")
        }
        other.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                for i in 0..<target.count { target[i] += source[i] }
            }
        }
    }
}
