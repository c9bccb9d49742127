extension Tensor {
    /// A tensor whose axis `k` has `maps[k].count` positions; position `p` along it copies this
    /// tensor's position `maps[k][p]`, or holds 0 where that is -1. A nil map keeps the axis.
    ///
    /// Flip, shift, roll, pad and crop are all this one copy with different index maps, done in
    /// one pass into one new buffer (fresh buffers cost page faults, so one beats one per axis).
    func remapping(_ maps: [[Int]?], control: ExecutionControl) throws -> Tensor {
        let maps = shape.indices.map { axis in maps[axis] ?? Array(0..<shape[axis]) }
        let newShape = maps.map(\.count)
        let newCount = try Tensor.elementCount(of: newShape)
        try control.checkAllocation(newCount)
        guard rank > 0 else { return self }
        var result = [Double](zeroedTensorStorage: newCount)
        guard newCount > 0 else { return Tensor(validatedShape: newShape, scalars: result) }
        let ownStrides = strides
        let last = maps[rank - 1]
        let rowLength = last.count
        try scalars.withUnsafeBufferPointer { input in
            try result.withUnsafeMutableBufferPointer { output in
                var counter = [Int](repeating: 0, count: rank - 1)
                for row in 0..<(newCount / rowLength) {
                    if row & 0xFF == 0 { try control.checkInterrupt() }
                    if let origin = Tensor.sourceOffset(counter, maps, ownStrides) {
                        let target = row * rowLength
                        for position in 0..<rowLength where last[position] >= 0 {
                            output[target + position] = input[origin + last[position]]
                        }
                    }
                    Tensor.advance(&counter, extents: newShape)
                }
            }
        }
        return Tensor(validatedShape: newShape, scalars: result)
    }

    /// Index maps as `remapping` takes them, from a per-position rule along one axis.
    /// Checks the map's own size against the cap first: another axis may be empty, making the
    /// result tiny while this map is huge.
    static func indexMap(size: Int, control: ExecutionControl, _ source: (Int) -> Int?) throws -> [Int] {
        try control.checkAllocation(size)
        return (0..<size).map { source($0) ?? -1 }
    }

    /// The storage offset of the source row for the output row `counter`, nil when any axis maps to -1.
    private static func sourceOffset(_ counter: [Int], _ maps: [[Int]], _ strides: [Int]) -> Int? {
        var offset = 0
        for axis in counter.indices {
            let from = maps[axis][counter[axis]]
            if from < 0 { return nil }
            offset += from * strides[axis]
        }
        return offset
    }

    /// Steps a row-major counter over all axes but the last.
    private static func advance(_ counter: inout [Int], extents: [Int]) {
        var axis = counter.count - 1
        while axis >= 0 {
            counter[axis] += 1
            if counter[axis] < extents[axis] { return }
            counter[axis] = 0
            axis -= 1
        }
    }
}
