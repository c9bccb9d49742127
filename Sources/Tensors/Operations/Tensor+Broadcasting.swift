extension Tensor {
    /// Combines two tensors elementwise with numpy broadcasting.
    ///
    /// Throws `TensorError.shapeMismatch` ("cannot broadcast 2×3 with 4") when an axis pair
    /// differs and neither is 1.
    public func combined(with other: Tensor, _ operation: BinaryOperation) throws -> Tensor {
        let shape = try Tensor.broadcastShape(self.shape, other.shape)
        let count = try Tensor.elementCount(of: shape)
        try ExecutionControl.shared.checkAllocation(count)
        if let layout = contiguousLayout(with: other, resultShape: shape) {
            let result = try Tensor.contiguousLoop(scalars, other.scalars, operation, layout)
            return Tensor(validatedShape: shape, scalars: result)
        }
        let left = Tensor.broadcastStrides(of: self.shape, to: shape)
        let right = Tensor.broadcastStrides(of: other.shape, to: shape)
        let result = try Tensor.broadcastLoop(shape: shape, count: count, left: left, right: right) {
            operation.apply(scalars[$0], other.scalars[$1])
        }
        return Tensor(validatedShape: shape, scalars: result)
    }

    /// The shape two shapes broadcast to, following numpy's rules.
    public static func broadcastShape(_ first: [Int], _ second: [Int]) throws -> [Int] {
        let rank = Swift.max(first.count, second.count)
        var shape = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let a = axis < rank - first.count ? 1 : first[axis - (rank - first.count)]
            let b = axis < rank - second.count ? 1 : second[axis - (rank - second.count)]
            guard a == b || a == 1 || b == 1 else {
                throw TensorError.shapeMismatch("cannot broadcast \(describe(first)) with \(describe(second))")
            }
            shape[axis] = a == 1 ? b : a
        }
        return shape
    }

    /// This tensor's elements repeated to `shape`, which it must broadcast to exactly.
    public func broadcast(to shape: [Int]) throws -> Tensor {
        let joined = try Tensor.broadcastShape(self.shape, shape)
        guard joined == shape else {
            throw TensorError.shapeMismatch(
                "cannot broadcast \(Tensor.describe(self.shape)) to \(Tensor.describe(shape))")
        }
        if self.shape == shape { return self }
        let count = try Tensor.elementCount(of: shape)
        try ExecutionControl.shared.checkAllocation(count)
        let view = StridedView(base: 0, shape: shape, strides: Tensor.broadcastStrides(of: self.shape, to: shape))
        return Tensor(validatedShape: shape, scalars: try view.gather(from: scalars))
    }

    /// Strides that read `shape` as if it had `target`'s shape: 0 along broadcast axes.
    static func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(for: shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// The layout when the operands need no index arithmetic: equal shapes, or one operand a
    /// single element (`x * 2`) and the other already of the result's shape.
    private func contiguousLayout(with other: Tensor, resultShape: [Int]) -> ContiguousLayout? {
        if shape == other.shape { return .elementwise }
        if other.count == 1 && shape == resultShape { return .scalarRight }
        if count == 1 && other.shape == resultShape { return .scalarLeft }
        return nil
    }

    /// How two operands line up without broadcasting strides.
    enum ContiguousLayout {
        /// Same shape: element i with element i.
        case elementwise
        /// The right operand is one element, paired with every left element.
        case scalarRight
        /// The left operand is one element, paired with every right element.
        case scalarLeft
    }

    /// Combines operands laid out as `layout`; the operation is chosen outside the loop so that
    /// each loop body is one arithmetic instruction the compiler can vectorise.
    static func contiguousLoop(_ left: [Double], _ right: [Double], _ operation: BinaryOperation,
                               _ layout: ContiguousLayout) throws -> [Double] {
        switch operation {
        case .add: return try contiguousLoop(left, right, layout) { $0 + $1 }
        case .subtract: return try contiguousLoop(left, right, layout) { $0 - $1 }
        case .multiply: return try contiguousLoop(left, right, layout) { $0 * $1 }
        case .divide: return try contiguousLoop(left, right, layout) { $0 / $1 }
        default: return try contiguousLoop(left, right, layout) { operation.apply($0, $1) }
        }
    }

    @inline(__always)
    private static func contiguousLoop(_ left: [Double], _ right: [Double], _ layout: ContiguousLayout,
                                       _ element: (Double, Double) -> Double) throws -> [Double] {
        let count = Swift.max(left.count, right.count)
        let chunk = 1 << 16
        var result = [Double](repeating: 0, count: count)
        try left.withUnsafeBufferPointer { a in
            try right.withUnsafeBufferPointer { b in
                try result.withUnsafeMutableBufferPointer { c in
                    var start = 0
                    while start < count {
                        try ExecutionControl.shared.checkInterrupt()
                        let end = Swift.min(start + chunk, count)
                        switch layout {
                        case .elementwise: for index in start..<end { c[index] = element(a[index], b[index]) }
                        case .scalarRight: for index in start..<end { c[index] = element(a[index], b[0]) }
                        case .scalarLeft: for index in start..<end { c[index] = element(a[0], b[index]) }
                        }
                        start = end
                    }
                }
            }
        }
        return result
    }

    /// Runs `element(leftOffset, rightOffset)` for every position of `shape` in row-major order.
    @inline(__always)
    static func broadcastLoop(shape: [Int], count: Int, left: [Int], right: [Int],
                              _ element: (Int, Int) -> Double) throws -> [Double] {
        var result = [Double](repeating: 0, count: count)
        guard count > 0 else { return result }
        let rank = shape.count
        let inner = rank == 0 ? 1 : shape[rank - 1]
        let innerLeft = rank == 0 ? 0 : left[rank - 1]
        let innerRight = rank == 0 ? 0 : right[rank - 1]
        var counter = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
        var leftBase = 0, rightBase = 0, position = 0
        let control = ExecutionControl.shared
        while position < count {
            try control.checkInterrupt()
            var l = leftBase, r = rightBase
            for _ in 0..<inner {
                result[position] = element(l, r)
                position += 1
                l += innerLeft
                r += innerRight
            }
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] += 1
                leftBase += left[axis]
                rightBase += right[axis]
                if counter[axis] < shape[axis] { break }
                leftBase -= left[axis] * shape[axis]
                rightBase -= right[axis] * shape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
