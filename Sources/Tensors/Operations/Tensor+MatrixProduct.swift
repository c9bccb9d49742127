extension Tensor {
    /// The matrix product `@` with numpy's matmul rules: matrix × matrix, matrix × vector,
    /// vector × matrix, vector · vector (a rank-0 result), and stacks of matrices (rank ≥ 3),
    /// whose leading axes broadcast against each other.
    ///
    /// `transposingLeft`/`transposingRight` use the transpose of that operand's last two axes
    /// (numpy's `swapaxes(-1, -2)`; ignored for a vector) without copying it: what the
    /// gradients of a product need (for Y = X·W: dX = dY·Wᵀ, dW = Xᵀ·dY).
    ///
    /// Runs on the packed micro-kernels of `MatrixProduct` (both cores, interrupt checked
    /// between chunks); a vector operand takes the streaming matrix × vector loops. A
    /// transposed operand (`x.T @ g`) is read through its strides, as the flags are, not transposed
    /// first (`MatrixProduct` copies only what its kernels pack).
    public func matmul(_ other: Tensor, transposingLeft: Bool = false, transposingRight: Bool = false,
                       control: ExecutionControl) throws -> Tensor {
        guard rank >= 1, other.rank >= 1 else {
            throw TensorError.shapeMismatch(
                "matrix product needs tensors of rank 1 or more, found \(Tensor.describe(shape)) @ \(Tensor.describe(other.shape))")
        }
        if rank == 2, other.rank == 2 {
            return try matrixProduct(other, transposingLeft: transposingLeft, transposingRight: transposingRight,
                                     control: control)
        }
        let (leftTensor, rightTensor) = (try MatrixStack.readable(self, control: control),
                                         try MatrixStack.readable(other, control: control))
        let left = MatrixStack(leftTensor, isLeft: true, transposed: transposingLeft)
        let right = MatrixStack(rightTensor, isLeft: false, transposed: transposingRight)
        guard left.columns == right.rows else {
            throw TensorError.shapeMismatch(
                "matrix product needs matching inner sizes, found \(Tensor.describe(shape)) @ \(Tensor.describe(other.shape)) (\(left.columns) ≠ \(right.rows))")
        }
        let batchShape: [Int]
        do {
            batchShape = try Tensor.broadcastShape(left.batchShape, right.batchShape)
        } catch {
            throw TensorError.shapeMismatch(
                "matrix product cannot broadcast the leading axes of \(Tensor.describe(shape)) @ \(Tensor.describe(other.shape)) (\(Tensor.describe(left.batchShape)) with \(Tensor.describe(right.batchShape)))")
        }
        var resultShape = batchShape
        if rank >= 2 { resultShape.append(left.rows) }
        if other.rank >= 2 { resultShape.append(right.columns) }
        return try Tensor.product(leftTensor, rightTensor, shape: resultShape, control: control) { a, b, c in
            try Tensor.multiplyStacks(left, a, right, b, batchShape: batchShape, into: c, control: control)
        }
    }

    /// Matrix × matrix, the everyday case (a dense layer, `x @ y`), without the stacks' arrays.
    ///
    /// Why a path of its own: the general path's fixed cost was ~4,700 instructions per call
    /// (callgrind, 10⁴ `x @ y` on 1×1), two thirds of it arrays a matrix does not need — the
    /// storage strides of both operands, the leading axes, a result shape grown by two appends —
    /// each new array paying ~600 instructions in the Swift runtime's unspecialised allocation
    /// (`Array._allocateBufferUninitialized` and its generic-metadata lookup). A rank-2 operand
    /// is either row-major or its transpose (`axisOrder` [1, 0]), so its strides are known
    /// without them; the result shape is one array literal, and its storage the one other
    /// allocation. `matmul` then cost ~1,070 instructions a call (the storage's allocation 530
    /// of them), and a 64² `x @ y` 5.45 → 5.15 µs (`timeit` min, benchmarks/results/tensor-core.md,
    /// round 6).
    private func matrixProduct(_ other: Tensor, transposingLeft: Bool, transposingRight: Bool,
                               control: ExecutionControl) throws -> Tensor {
        let left = MatrixProduct.Shape(self, transposed: transposingLeft)
        let right = MatrixProduct.Shape(other, transposed: transposingRight)
        guard left.columns == right.rows else {
            throw TensorError.shapeMismatch(
                "matrix product needs matching inner sizes, found \(Tensor.describe(shape)) @ \(Tensor.describe(other.shape)) (\(left.columns) ≠ \(right.rows))")
        }
        return try Tensor.product(self, other, shape: [left.rows, right.columns], control: control) { a, b, c in
            try MatrixProduct.multiply(rows: left.rows, columns: right.columns, inner: left.columns,
                                       left.operand(a), right.operand(b),
                                       into: c, cRowStride: right.columns, control: control)
        }
    }

    /// A product of `shape` that `multiply` writes from both operands' storage, after checking
    /// `control`'s cap; zeros when an operand is empty (the inner size is 0).
    private static func product(_ left: Tensor, _ right: Tensor, shape: [Int], control: ExecutionControl,
                                _ multiply: (UnsafePointer<Double>, UnsafePointer<Double>,
                                             UnsafeMutablePointer<Double>) throws -> Void) throws -> Tensor {
        let count = try Tensor.elementCount(of: shape)
        try control.checkAllocation(count)
        return try left.storage.withUnsafeBufferPointer { a in
            try right.storage.withUnsafeBufferPointer { b in
                try Tensor(uninitializedShape: shape, count: count) { c in
                    guard let a = a.baseAddress, let b = b.baseAddress else {
                        c.initialize(repeating: 0, count: count)
                        return
                    }
                    try multiply(a, b, c)
                }
            }
        }
    }

    /// Every product of the broadcast stacks: as one product when the right operand is a single
    /// matrix and the left a contiguous stack (its matrices are then rows of one tall matrix),
    /// else one product per matrix, each over the cores when large, or several small ones at
    /// once on different cores.
    private static func multiplyStacks(_ left: MatrixStack, _ a: UnsafePointer<Double>, _ right: MatrixStack,
                                       _ b: UnsafePointer<Double>, batchShape: [Int],
                                       into c: UnsafeMutablePointer<Double>, control: ExecutionControl) throws {
        let (rows, inner, columns) = (left.rows, left.columns, right.columns)
        let batches = batchShape.reduce(1, *)
        let matrixSize = rows * columns
        if right.batchShape.isEmpty, left.hasRowMajorMatrices, left.batchShape == batchShape {
            try MatrixProduct.multiply(rows: rows * batches, columns: columns, inner: inner,
                                       left.operand(a, batch: 0), right.operand(b, batch: 0),
                                       into: c, cRowStride: columns, control: control)
            return
        }
        let leftOffsets = left.batchOffsets(to: batchShape), rightOffsets = right.batchOffsets(to: batchShape)
        // Products below `smallProduct` multiply-adds each run whole on one core, several at once;
        // so do products up to `coreProduct` when there are at least four per core (the last
        // round then idles a core for at most a fifth of the time). Splitting each 128² product
        // of a 64-stack over both cores instead ran 0.70× numpy (bench.py, stacked @): a 128-row
        // product is one row block of the packed kernel, so it ran on one core at a time.
        let smallProduct = 1 << 18, coreProduct = 1 << 24
        let product = rows * inner * columns
        if product >= smallProduct, product > coreProduct || batches < 4 * ParallelLoop.coreCount {
            for batch in 0..<batches {
                try MatrixProduct.multiply(rows: rows, columns: columns, inner: inner,
                                           left.operand(a, batch: leftOffsets[batch]),
                                           right.operand(b, batch: rightOffsets[batch]),
                                           into: c + batch * matrixSize, cRowStride: columns, control: control)
            }
            return
        }
        // Several small products at once, each whole on one core; the interrupt is checked
        // between chunks of them.
        try ElementChunks.run("matmul", count: batches, costPerElement: Swift.max(1, rows * inner * columns),
                              control: control) { range in
            for batch in range {
                MatrixProduct.multiplySerially(rows: rows, columns: columns, inner: inner,
                                               left.operand(a, batch: leftOffsets[batch]),
                                               right.operand(b, batch: rightOffsets[batch]),
                                               into: c + batch * matrixSize, cRowStride: columns)
            }
        }
    }
}

/// One operand of `matmul` seen as a stack of matrices: its leading axes, the extents of each
/// matrix (after the transpose, if asked) and how to address matrix element (i, j) in storage.
private struct MatrixStack {
    let batchShape: [Int]
    let rows: Int
    let columns: Int
    let rowStride: Int
    let columnStride: Int
    private let matrixSize: Int

    /// `tensor`, or a row-major copy when its layout does not keep each matrix a contiguous
    /// block after the one before (the leading axes outermost, in order): a transposed matrix,
    /// or a stack whose last two axes were swapped, is read as it is.
    static func readable(_ tensor: Tensor, control: ExecutionControl) throws -> Tensor {
        guard let order = tensor.axisOrder else { return tensor }
        let leading = Swift.max(tensor.rank - 2, 0)
        return order.prefix(leading).elementsEqual(0..<leading) ? tensor : try tensor.rowMajor(control: control)
    }

    /// A vector is a one-row matrix on the left and a one-column matrix on the right, as numpy
    /// promotes it (the added axis is dropped from the result). `tensor` is `readable`.
    init(_ tensor: Tensor, isLeft: Bool, transposed: Bool) {
        let shape = tensor.shape
        if tensor.rank == 1 {
            batchShape = []
            (rows, columns) = isLeft ? (1, shape[0]) : (shape[0], 1)
            (rowStride, columnStride) = isLeft ? (shape[0], 1) : (1, 1)
            matrixSize = shape[0]
            return
        }
        batchShape = Array(shape.dropLast(2))
        let strides = tensor.storageStrides
        let (storedRows, storedColumns) = (shape[tensor.rank - 2], shape[tensor.rank - 1])
        let (storedRowStride, storedColumnStride) = (strides[tensor.rank - 2], strides[tensor.rank - 1])
        matrixSize = storedRows * storedColumns
        if transposed {
            (rows, columns) = (storedColumns, storedRows)
            (rowStride, columnStride) = (storedColumnStride, storedRowStride)
        } else {
            (rows, columns) = (storedRows, storedColumns)
            (rowStride, columnStride) = (storedRowStride, storedColumnStride)
        }
    }

    /// Whether each matrix is stored row by row, so that a stack is one tall matrix.
    var hasRowMajorMatrices: Bool { columnStride == 1 && rowStride == columns }

    /// The matrix starting `batch` elements into `base`.
    func operand(_ base: UnsafePointer<Double>, batch: Int) -> MatrixProduct.Operand {
        MatrixProduct.Operand(base: base + batch, rowStride: rowStride, columnStride: columnStride)
    }

    /// The element offset of this stack's matrix for each position of `target` (the broadcast
    /// leading axes), 0 steps along axes this stack broadcasts.
    func batchOffsets(to target: [Int]) -> [Int] {
        let strides = Tensor.broadcastStrides(of: batchShape, to: target).map { $0 * matrixSize }
        let total = target.reduce(1, *)
        var offsets = [Int](repeating: 0, count: total)
        var counter = [Int](repeating: 0, count: target.count)
        var offset = 0
        for index in 0..<total {
            offsets[index] = offset
            var axis = target.count - 1
            while axis >= 0 {
                counter[axis] += 1
                offset += strides[axis]
                if counter[axis] < target[axis] { break }
                offset -= strides[axis] * target[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return offsets
    }
}
