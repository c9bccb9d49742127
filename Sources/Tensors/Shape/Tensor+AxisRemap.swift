extension Tensor {
    /// A tensor whose `axis` has `size` positions; position `p` copies this tensor's position
    /// `source(p)` along that axis, or holds 0 where `source` returns nil.
    ///
    /// Flip, shift, roll, pad and crop are all this one copy with different index maps; the
    /// copy moves contiguous blocks of the trailing axes at once.
    func remappingAxis(_ axis: Int, to size: Int, _ source: (Int) -> Int?) throws -> Tensor {
        var newShape = shape
        newShape[axis] = size
        let newCount = try Tensor.elementCount(of: newShape)
        try ExecutionControl.shared.checkAllocation(newCount)
        try ExecutionControl.shared.checkAllocation(size)  // the index map, even when another axis is empty
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let oldSize = shape[axis]
        let map = (0..<size).map(source)
        var result = [Double](repeating: 0, count: newCount)
        let control = ExecutionControl.shared
        try scalars.withUnsafeBufferPointer { input in
            try result.withUnsafeMutableBufferPointer { output in
                for block in 0..<outer {
                    try control.checkInterrupt()
                    for position in 0..<size {
                        guard let from = map[position] else { continue }
                        let target = (block * size + position) * inner
                        let origin = (block * oldSize + from) * inner
                        for offset in 0..<inner { output[target + offset] = input[origin + offset] }
                    }
                }
            }
        }
        return Tensor(validatedShape: newShape, scalars: result)
    }
}
