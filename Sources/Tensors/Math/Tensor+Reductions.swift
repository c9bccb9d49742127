extension Tensor {
    /// Reduces every element to a rank-0 tensor, or along `axis` (the axis is removed), with
    /// numpy semantics; argmax/argmin without an axis give the flat index.
    ///
    /// Memory is read in order: along the last axis each row is one contiguous run; along an
    /// earlier axis whole rows are folded into a row of accumulators (numpy's order for sums,
    /// so `sum` and `mean` give numpy's bits), never a strided walk down columns. Large
    /// reductions are split over the cores by rows or by blocks of columns. A transposed tensor
    /// is reduced in its storage order (as numpy reduces a transposed view), never copied first.
    public func reduced(_ reduction: Reduction, axis: Int? = nil, control: ExecutionControl) throws -> Tensor {
        guard let axis else {
            if count == 0 && !reduction.acceptsEmpty { throw emptyError(reduction) }
            try control.checkInterrupt()
            // The arg-reductions' flat index counts positions in row-major order.
            let isArg = reduction == .argmax || reduction == .argmin
            let values = isArg ? try rowMajor(control: control).storage : storage
            return Tensor(scalar: try values.withUnsafeBufferPointer { values in
                switch reduction {
                case .sum, .mean, .norm:
                    // Long sums on every core, to the same bits (`PairwiseSum`).
                    guard count > 0, let start = values.baseAddress else { return reduction.finish(0, count: count) }
                    let total = try PairwiseSum.sum(start, count: count, reduction.term, control: control)
                    return reduction.finish(total, count: count)
                default:
                    return Tensor.reduceRun(reduction, values, base: 0, count: count)
                }
            })
        }
        let resolved = try normalizedAxis(axis)
        if let order = axisOrder {
            // Reduce the storage along the place the axis is stored at; the other axes keep
            // their order in the result's storage, renumbered past the removed one.
            var stored = 0
            for (place, storedAxis) in order.enumerated() where storedAxis == resolved { stored = place }
            let result = try storedTensor.reduced(reduction, axis: stored, control: control)
            var newShape = shape
            newShape.remove(at: resolved)
            let remaining = order.filter { $0 != resolved }.map { $0 > resolved ? $0 - 1 : $0 }
            return Tensor(validatedShape: newShape, storage: result.storage, axisOrder: remaining)
        }
        let size = shape[resolved]
        let outer = shape[..<resolved].reduce(1, *)
        let inner = shape[(resolved + 1)...].reduce(1, *)
        var newShape = shape
        newShape.remove(at: resolved)
        let resultCount = outer * inner
        if size == 0 && !reduction.acceptsEmpty && resultCount > 0 {
            throw emptyError(reduction)
        }
        if size == 0 {
            return Tensor(validatedShape: newShape, scalars: [Double](repeating: reduction.finish(0, count: 0),
                                                                      count: resultCount))
        }
        return try scalars.withUnsafeBufferPointer { input in
            try Tensor(uninitializedShape: newShape, count: resultCount) { output in
                guard let x = input.baseAddress else { return }
                if inner == 1 {
                    try reduceRows(reduction, x, rows: outer, length: size, into: output, control: control)
                } else {
                    try foldRows(reduction, x, outer: outer, size: size, inner: inner, into: output, control: control)
                }
            }
        }
    }

    /// One result per contiguous row of `length`.
    private func reduceRows(_ reduction: Reduction, _ x: UnsafePointer<Double>, rows: Int, length: Int,
                            into output: UnsafeMutablePointer<Double>, control: ExecutionControl) throws {
        let values = UnsafeBufferPointer(start: x, count: rows * length)
        try ElementChunks.run(reduction.rawValue, count: rows, costPerElement: length, control: control) { range in
            for row in range {
                output[row] = Tensor.reduceRun(reduction, values, base: row * length, count: length)
            }
        }
    }

    /// Columns per unit of work when folding rows: each unit keeps its accumulators (and, for
    /// arg-reductions, the best values) in the first-level cache while the rows stream past.
    private static let foldBlock = 512

    /// One result per column of each `size × inner` block, rows folded in memory order.
    private func foldRows(_ reduction: Reduction, _ x: UnsafePointer<Double>, outer: Int, size: Int, inner: Int,
                          into output: UnsafeMutablePointer<Double>, control: ExecutionControl) throws {
        let kernel = VectorKernel.best
        let blocks = (inner + Self.foldBlock - 1) / Self.foldBlock
        try ElementChunks.run(reduction.rawValue, count: outer * blocks, costPerElement: size * Self.foldBlock,
                              control: control) { units in
            var best = [Double](repeating: 0, count: Self.foldBlock)
            for unit in units {
                let block = unit / blocks
                let first = (unit % blocks) * Self.foldBlock
                let width = Swift.min(Self.foldBlock, inner - first)
                let rows = x + block * size * inner + first
                let target = output + block * inner + first
                switch reduction {
                case .argmax, .argmin:
                    best.withUnsafeMutableBufferPointer { best in
                        guard let best = best.baseAddress else { return }
                        best.update(from: rows, count: width)
                        target.initialize(repeating: 0, count: width)
                        for row in 1..<size {
                            kernel.foldArg(largest: reduction == .argmax, row: rows + row * inner, rowIndex: row,
                                           best: best, index: target, count: width)
                        }
                    }
                case .sum, .mean, .norm, .min, .max:
                    let fold = reduction.fold
                    if reduction == .norm {
                        for column in 0..<width { target[column] = rows[column] * rows[column] }
                    } else {
                        target.initialize(from: rows, count: width)
                    }
                    kernel.fold(fold, rows: rows + inner, rowStride: inner, rowCount: size - 1, into: target, count: width)
                    for column in 0..<width { target[column] = reduction.finish(target[column], count: size) }
                }
            }
        }
    }

    /// The reduction of the contiguous run `values[base..<base + count]`: numpy's pairwise
    /// order for sums (`PairwiseSum`), the vector kernels for min and max, a scan for the
    /// arg-reductions (the first of equals, as numpy).
    private static func reduceRun(_ reduction: Reduction, _ values: UnsafeBufferPointer<Double>, base: Int,
                                  count: Int) -> Double {
        switch reduction {
        case .min, .max:
            guard count > 0, let start = values.baseAddress else { return .nan }
            return VectorKernel.best.reduce(reduction.fold, start + base, count: count)
        default:
            return reduction.reduce(values, base: base, count: count)
        }
    }

    private func emptyError(_ reduction: Reduction) -> TensorError {
        .invalidArgument("\(reduction.rawValue) of an empty tensor is undefined; it has no elements to compare")
    }
}

extension Reduction {
    /// The vector fold that accumulates this reduction along a leading axis (sums of squares
    /// for the norm; the arg-reductions track indices separately).
    fileprivate var fold: VectorKernel.Fold {
        switch self {
        case .sum, .mean: return .sum
        case .norm: return .sumOfSquares
        case .min, .argmin: return .minimum
        case .max, .argmax: return .maximum
        }
    }
}
