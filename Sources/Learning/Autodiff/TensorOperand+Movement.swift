import Synchronization
import Tensors

extension TensorOperand {
    /// This tensor with a new shape of the same element count.
    public func reshaped(_ shape: [Int]) throws -> TensorOperand {
        let original = value.shape
        return TensorOperand.result(try value.reshaped(shape), of: self) { g in try g.reshaped(original) }
    }

    /// The axes permuted (reversed when `axes` is nil); the gradient is permuted back.
    public func transposed(_ axes: [Int]? = nil, control: ExecutionControl) throws -> TensorOperand {
        let rank = value.rank
        let resolved = try axes.map { try $0.map { try value.normalizedAxis($0) } } ?? Array((0..<rank).reversed())
        let result = try value.transposed(axes, control: control)
        return TensorOperand.result(result, of: self) { g in
            var inverse = [Int](repeating: 0, count: rank)
            for (position, axis) in resolved.enumerated() { inverse[axis] = position }
            return try g.transposed(inverse, control: control)
        }
    }

    /// This tensor repeated to `shape` (numpy broadcasting); the gradient is summed back.
    public func broadcast(to shape: [Int], control: ExecutionControl) throws -> TensorOperand {
        TensorOperand.result(try value.broadcast(to: shape, control: control), of: self) { g in g }
    }

    /// An operation that only moves elements: every element of its result is a copy of one
    /// element of its inputs, or a fill of 0 (indexing, slicing, flip, shift, roll, pad, crop,
    /// stack, concat).
    ///
    /// Its gradient adds each element of the output gradient into the input element it was
    /// copied from. Which one that is comes from running `move` once more on tensors that hold
    /// their elements' positions (counted from 1 across all inputs, so that a fill of 0 reads as
    /// "no input"): the operation is its own index map, so the rule cannot disagree with the
    /// forward pass. That second run happens only in the backward pass, and only once for all
    /// inputs (the scattered gradient is kept for the other inputs' turns).
    public static func moving(_ inputs: [TensorOperand], control: ExecutionControl,
                              _ move: @escaping @Sendable ([Tensor]) throws -> Tensor) throws -> TensorOperand {
        let values = inputs.map(\.value)
        let result = try move(values)
        guard inputs.contains(where: \.isTraced) else { return .plain(result) }
        let shapes = values.map(\.shape)
        let counts = values.map(\.count)
        let scattered = Mutex<[Double]?>(nil)
        return TensorOperand.result(result, of: inputs) { g, input in
            let start = counts[..<input].reduce(0, +)
            let total = try scattered.withLock { cached in
                if let cached { return cached }
                let gradient = try scatter(g, shapes: shapes, counts: counts, control: control, move)
                cached = gradient
                return gradient
            }
            return try Tensor(shape: shapes[input], scalars: Array(total[start..<(start + counts[input])]))
        }
    }

    /// The output gradient `g` added back into the elements of every input, concatenated.
    private static func scatter(_ g: Tensor, shapes: [[Int]], counts: [Int], control: ExecutionControl,
                                _ move: ([Tensor]) throws -> Tensor) throws -> [Double] {
        let total = counts.reduce(0, +)
        var next = 1.0
        let positions = try shapes.map { shape in
            let count = try Tensor.elementCount(of: shape)
            defer { next += Double(count) }
            return try Tensor(shape: shape, scalars: (0..<count).map { next + Double($0) })
        }
        let map = try move(positions)
        guard map.shape == g.shape else {
            throw TensorError.shapeMismatch(
                "the gradient of a moved tensor must have its shape \(Tensor.describe(map.shape)), found \(Tensor.describe(g.shape))")
        }
        try control.checkAllocation(total)
        var result = [Double](zeroedTensorStorage: total)
        map.scalars.withUnsafeBufferPointer { map in
            g.scalars.withUnsafeBufferPointer { g in
                for i in 0..<map.count where map[i] > 0 {
                    result[Int(map[i]) - 1] += g[i]
                }
            }
        }
        return result
    }
}

extension TensorOperand {
    /// `t[...]`: one element, a row, a slice, any mix (see `Tensor.subscripted`).
    public func subscripted(_ components: [TensorIndex], control: ExecutionControl) throws -> TensorOperand {
        try TensorOperand.moving([self], control: control) { try $0[0].subscripted(components, control: control) }
    }

    /// Tensors of one shape joined along a new axis.
    public static func stacked(_ operands: [TensorOperand], axis: Int, control: ExecutionControl) throws -> TensorOperand {
        try moving(operands, control: control) { try Tensor.stacked($0, axis: axis, control: control) }
    }

    /// Tensors joined along an existing axis.
    public static func concatenated(_ operands: [TensorOperand], axis: Int, control: ExecutionControl) throws -> TensorOperand {
        try moving(operands, control: control) { try Tensor.concatenated($0, axis: axis, control: control) }
    }

    /// Padded by `widths` with `mode`'s fill (zero, reflect, edge or wrap).
    public func padded(_ widths: [(before: Int, after: Int)], mode: PaddingMode,
                       control: ExecutionControl) throws -> TensorOperand {
        let pairs = widths.map { [$0.before, $0.after] }
        return try TensorOperand.moving([self], control: control) {
            try $0[0].padded(pairs.map { ($0[0], $0[1]) }, mode: mode, control: control)
        }
    }

    /// `widths` removed from each end of each axis.
    public func cropped(_ widths: [(before: Int, after: Int)], control: ExecutionControl) throws -> TensorOperand {
        let pairs = widths.map { [$0.before, $0.after] }
        return try TensorOperand.moving([self], control: control) {
            try $0[0].cropped(pairs.map { ($0[0], $0[1]) }, control: control)
        }
    }

    /// Reversed along `axes` (every axis when nil).
    public func flipped(axes: [Int]?, control: ExecutionControl) throws -> TensorOperand {
        try TensorOperand.moving([self], control: control) { try $0[0].flipped(axes: axes, control: control) }
    }

    /// Content moved by `offsets`, filling with 0.
    public func shifted(by offsets: [Int], axes: [Int]?, control: ExecutionControl) throws -> TensorOperand {
        try TensorOperand.moving([self], control: control) { try $0[0].shifted(by: offsets, axes: axes, control: control) }
    }

    /// Content moved by `offsets`, wrapping around.
    public func rolled(by offsets: [Int], axes: [Int]?, control: ExecutionControl) throws -> TensorOperand {
        try TensorOperand.moving([self], control: control) { try $0[0].rolled(by: offsets, axes: axes, control: control) }
    }
}
