import CTensorKernels

/// The matrix product C (+)= A · B on the C kernels: the packed micro-kernels of
/// `Sources/CTensorKernels` for matrices, streaming loops for matrix × vector and vector ×
/// matrix; split into chunks (over the cores for matrices), with the interrupt checked between
/// chunks.
///
/// Both operands are read through strides, so a transposed operand (Aᵀ·B, A·Bᵀ, as the
/// gradients of a dense layer need) needs no transposed tensor: pass its strides swapped (the
/// kernels copy B as they need it anyway: into panels, or a small transposed B into row-major
/// order).
///
/// Why not OpenBLAS: Debian's libopenblas (0.3.21) runs its Haswell AVX2 kernel on this
/// machine's Zen 5 (54 GFLOP/s on one core for 1024²), the micro-kernel here 104 GFLOP/s;
/// see the README's performance section.
enum MatrixProduct {
    /// A matrix read through strides: element (i, j) is `base[i·rowStride + j·columnStride]`.
    struct Operand {
        /// The element (0, 0).
        var base: UnsafePointer<Double>
        /// The distance between rows.
        var rowStride: Int
        /// The distance between columns.
        var columnStride: Int
    }

    /// A rank-2 tensor's extents and strides as an operand (after the transpose, if asked),
    /// found without an array: its storage is row-major, or laid out transposed (the only other
    /// order of two axes).
    struct Shape {
        let rows: Int
        let columns: Int
        let rowStride: Int
        let columnStride: Int

        init(_ matrix: Tensor, transposed: Bool) {
            let (storedRows, storedColumns) = (matrix.shape[0], matrix.shape[1])
            let (storedRowStride, storedColumnStride) = matrix.isRowMajor ? (storedColumns, 1) : (1, storedRows)
            (rows, columns, rowStride, columnStride) = transposed
                ? (storedColumns, storedRows, storedColumnStride, storedRowStride)
                : (storedRows, storedColumns, storedRowStride, storedColumnStride)
        }

        /// The matrix whose element (0, 0) is at `base`.
        func operand(_ base: UnsafePointer<Double>) -> Operand {
            Operand(base: base, rowStride: rowStride, columnStride: columnStride)
        }
    }

    /// Products whose B has at most this many elements (512 KiB, half the second-level cache of
    /// this project's machine) and contiguous rows run the small kernel, which reads B in place
    /// instead of packing it (a B stored transposed is copied into row-major order first). One
    /// AVX-512 core, C harness over the kernels (packing buffers allocated once), n × n
    /// products, packed → small: 64² 6.3 → 4.3 µs, 100² 23 → 17.6 µs,
    /// 128² 42 → 33 µs, 256² 292 → 257 µs. Beyond, B no longer stays in that cache and packing
    /// pays for itself.
    private static let smallLimit = 1 << 16

    /// At most this many doubles of B are packed at once (16 MiB); wider products are done in
    /// blocks of columns.
    private static let packedLimit = 1 << 21

    /// C (`rows × columns`, rows `cRowStride` apart, contiguous within a row) = A · B, or
    /// C += A · B when `accumulate`, for A `rows × inner` and B `inner × columns`, over every
    /// core when large, checking `control`'s interrupt between chunks.
    static func multiply(rows: Int, columns: Int, inner: Int, _ a: Operand, _ b: Operand,
                         into c: UnsafeMutablePointer<Double>, cRowStride: Int, accumulate: Bool = false,
                         kernel: VectorKernel = .best, control: ExecutionControl) throws {
        try control.checkInterrupt()
        try compute(rows: rows, columns: columns, inner: inner, a, b, c, cRowStride: cRowStride,
                    accumulate: accumulate, kernel: kernel) { units, cost, body in
            // ElementChunks: under 2^17 multiply-adds (~1 µs) on this thread without the
            // progress bookkeeping or dispatch, which no observer shows for so short a call
            // (callgrind, 64² `x @ y` in a loop: 152,575 → 151,404 instructions per call with the
            // AVX2 kernel valgrind runs); the units here are blocks of rows, not elements.
            //
            // From 2^17 on a product is split over the cores like any other loop. Products
            // under 2^20 multiply-adds used to stay on one core, as OpenBLAS keeps products up
            // to 64³ on one thread; but the kernel already runs a 64² product at the core's
            // peak (4.3–4.6 µs, 120 GFLOP/s), so only the second core could make it faster, and
            // the pool's workers poll between back-to-back calls, so handing one half over
            // costs far less than the half saves. 64² on the C harness (receptive_pool_run,
            // medians of 5,001): one chunk 4.59 µs, two 2.55; `timeit(x @ y, repeat: 2001)`
            // inside the language, three alternated pairs: median 4.87 → 3.18 µs while the
            // other core was free, 4.87 → 5.14 when another process held it (the caller then
            // runs both halves itself, and pays ~0.3 µs of dispatch). When this thread reads the
            // product next (`(x @ y) + 0`, `sum(x @ y)`), the worker's half has to come back
            // across first: four alternated pairs at load 2.7 timed the same within the noise
            // (medians 5.7–7.4 µs before, 5.9–7.7 after). OpenBLAS's one thread is the safer
            // bet only on a machine whose other cores are always busy. See
            // benchmarks/results/tensor-core.md, round 8.
            try ElementChunks.run("matmul", count: units, costPerElement: cost, control: control, body)
        }
    }

    /// The same product on the calling thread, with no interrupt check: for callers that split
    /// work over the cores themselves (a stack of small products) and check between pieces.
    static func multiplySerially(rows: Int, columns: Int, inner: Int, _ a: Operand, _ b: Operand,
                                 into c: UnsafeMutablePointer<Double>, cRowStride: Int, accumulate: Bool = false,
                                 kernel: VectorKernel = .best) {
        compute(rows: rows, columns: columns, inner: inner, a, b, c, cRowStride: cRowStride,
                accumulate: accumulate, kernel: kernel) { units, _, body in body(0..<units) }
    }

    /// Splits `units` units of `cost` multiply-adds each into chunks and runs `body` on them,
    /// over the cores when the work is large, the interrupt checked between chunks.
    private typealias Split = (_ units: Int, _ cost: Int, _ body: (Range<Int>) -> Void) throws -> Void

    private static func compute(rows: Int, columns: Int, inner: Int, _ a: Operand, _ b: Operand,
                                _ c: UnsafeMutablePointer<Double>, cRowStride: Int, accumulate: Bool,
                                kernel: VectorKernel, split: Split) rethrows {
        guard rows > 0, columns > 0 else { return }
        if inner == 0 {
            if !accumulate {
                for row in 0..<rows { (c + row * cRowStride).initialize(repeating: 0, count: columns) }
            }
            return
        }
        if columns == 1 || rows == 1, try vectorProduct(rows: rows, columns: columns, inner: inner, a, b, c,
                                                        cRowStride: cRowStride, accumulate: accumulate,
                                                        kernel: kernel, split: split) {
            return
        }
        if inner * columns <= smallLimit {
            if b.columnStride == 1 {
                var product = ReceptiveMatrixProduct(rows: rows, columns: columns, inner: inner, a, b, c,
                                                     cRowStride: cRowStride, accumulate: accumulate)
                try multiplySmall(&product, kernel: kernel, split: split)
                return
            }
            if b.rowStride == 1 {
                try multiplySmallByTranspose(rows: rows, columns: columns, inner: inner, a, b, c,
                                             cRowStride: cRowStride, accumulate: accumulate, kernel: kernel,
                                             split: split)
                return
            }
        }
        let width = receptive_gemm_panel_width(kernel.level)
        let panelsPerBlock = Swift.max(1, packedLimit / (width * inner))
        let totalPanels = (columns + width - 1) / width
        let packed = UnsafeMutablePointer<Double>.allocate(capacity: Swift.min(panelsPerBlock, totalPanels) * width * inner)
        defer { packed.deallocate() }
        for firstPanel in stride(from: 0, to: totalPanels, by: panelsPerBlock) {
            let firstColumn = firstPanel * width
            var product = ReceptiveMatrixProduct(
                rows: rows, columns: Swift.min(columns - firstColumn, panelsPerBlock * width), inner: inner, a,
                Operand(base: b.base + firstColumn * b.columnStride, rowStride: b.rowStride,
                        columnStride: b.columnStride),
                c + firstColumn, cRowStride: cRowStride, accumulate: accumulate)
            try multiplyBlock(&product, packed: packed, width: width, kernel: kernel, split: split)
        }
    }

    /// One block of columns: B packed (split over the panels), then C's rows in chunks of the
    /// kernel's row block, each packing its rows of A into its own scratch.
    private static func multiplyBlock(_ product: inout ReceptiveMatrixProduct, packed: UnsafeMutablePointer<Double>,
                                      width: Int, kernel: VectorKernel, split: Split) rethrows {
        let level = kernel.level
        let panels = (product.columns + width - 1) / width
        let rowBlock = receptive_gemm_row_block(level)
        let scratchCount = receptive_gemm_scratch_count(level)
        let rowBlocks = (product.rows + rowBlock - 1) / rowBlock
        let (rows, inner, columns) = (product.rows, product.inner, product.columns)
        try withUnsafePointer(to: &product) { product in
            // Packing moves each element of B once; the product does `rowBlock` multiply-adds per
            // element of B per row block.
            try split(panels, width * inner) { range in
                receptive_gemm_pack_b(level, product, packed, range.lowerBound, range.upperBound)
            }
            try split(rowBlocks, rowBlock * inner * columns) { range in
                let scratch = UnsafeMutablePointer<Double>.allocate(capacity: scratchCount)
                defer { scratch.deallocate() }
                receptive_gemm_rows(level, product, packed, scratch, range.lowerBound * rowBlock,
                                    Swift.min(rows, range.upperBound * rowBlock))
            }
        }
    }

    /// The small-product kernel over C's rows, split in blocks of the micro-kernel's rows: B is
    /// read in place, and each block of rows is independent.
    private static func multiplySmall(_ product: inout ReceptiveMatrixProduct, kernel: VectorKernel,
                                      split: Split) rethrows {
        let level = kernel.level
        let microRows = receptive_gemm_micro_rows(level)
        let rows = product.rows
        let blocks = (rows + microRows - 1) / microRows
        try withUnsafePointer(to: &product) { product in
            try split(blocks, microRows * product.pointee.inner * product.pointee.columns) { range in
                receptive_gemm_small(level, product, range.lowerBound * microRows,
                                     Swift.min(rows, range.upperBound * microRows))
            }
        }
    }

    /// A small product whose B is stored transposed (`x @ w.T`, and a dense layer's input
    /// gradient dY·Wᵀ): B is copied into row-major order (the blocked transpose kernel) and
    /// the small kernel runs on the copy, split over the cores like any small product. The
    /// packed kernel it took before gathered B column by column into a panel and gave a
    /// product of under 128 rows one core. `timeit(x @ transpose(y))` on 64², medians of
    /// 2,001, three alternated pairs with the other core taken by other jobs (load 6.3–6.5):
    /// 7.7–7.9 → 6.2 µs (`x @ y` 4.9–5.3). The copy is ~1.4 µs of that (C harness: 64² through
    /// `receptive_transpose`, its allocation included).
    ///
    /// Under `ParallelLoop.briefCost` the product stays on this thread: the copy is fresh in
    /// this core's cache, and a second core would fetch all of it, line by line, before its
    /// half could start (and the next call's copy must take the lines back). Split, the same 64²
    /// product took a median of 11.3–13.5 µs in one set of three alternated runs (load 3),
    /// against 9.1–9.5 for the packed kernel on one core; in a later set, split 6.2–6.3, on
    /// this thread 6.0–6.8, packed 8.0–9.9. Larger products split as usual: there the copy is
    /// read many times over by each core, and a core's half of the work is far longer than the
    /// fetch.
    private static func multiplySmallByTranspose(rows: Int, columns: Int, inner: Int, _ a: Operand, _ b: Operand,
                                                 _ c: UnsafeMutablePointer<Double>, cRowStride: Int,
                                                 accumulate: Bool, kernel: VectorKernel, split: Split) rethrows {
        let copy = UnsafeMutablePointer<Double>.allocate(capacity: inner * columns)
        defer { copy.deallocate() }
        // B's storage is the row-major `columns × inner` matrix Bᵀ, rows `b.columnStride` apart.
        kernel.transpose(b.base, stride: b.columnStride, rows: columns, columns: inner, into: copy, stride: columns)
        var product = ReceptiveMatrixProduct(rows: rows, columns: columns, inner: inner, a,
                                             Operand(base: copy, rowStride: columns, columnStride: 1), c,
                                             cRowStride: cRowStride, accumulate: accumulate)
        if rows * inner * columns < ParallelLoop.briefCost {
            try multiplySmall(&product, kernel: kernel) { units, _, body in body(0..<units) }
        } else {
            try multiplySmall(&product, kernel: kernel, split: split)
        }
    }

    /// Matrix × vector (`columns == 1`) and vector × matrix (`rows == 1`) as streaming loops when
    /// the matrix has contiguous rows or columns; false when the packed product should run.
    ///
    /// Each element of the matrix is read once for one multiply-add, so the loop is bound by
    /// memory (or by the third-level cache, 32 MiB here, which holds most of a 2048² matrix
    /// between calls), and split over the cores: each core streams its own rows. Through
    /// libdispatch two cores were no faster than one (waking its worker cost 50–100 µs), so the
    /// previous round ran these on the calling thread; on ParallelLoop's polling workers they
    /// are. C harness, matrix on 2 MiB pages, medians of 301 calls on the quiet machine: 2048²
    /// one core 0.67–0.84 ms, two through libdispatch 0.50–0.52, two polling workers 0.39–0.43
    /// (numpy, same minutes: 0.50–0.53); 1024² 0.090, 0.103–0.116 and 0.048 ms.
    private static func vectorProduct(rows: Int, columns: Int, inner: Int, _ a: Operand, _ b: Operand,
                                      _ c: UnsafeMutablePointer<Double>, cRowStride: Int, accumulate: Bool,
                                      kernel: VectorKernel, split: Split) rethrows -> Bool {
        let adding: Int32 = accumulate ? 1 : 0
        if columns == 1, cRowStride == 1 || rows == 1 {
            // y = A x: rows of A contiguous → dot products; columns contiguous → rows of Aᵀ streamed.
            if a.columnStride == 1 {
                try withContiguous(b.base, count: inner, stride: b.rowStride) { x in
                    try split(rows, inner) { range in
                        receptive_gemv_rows(kernel.level, a.base, a.rowStride, inner, x, c, range.lowerBound,
                                            range.upperBound, adding)
                    }
                }
                return true
            }
            if a.rowStride == 1 {
                try withContiguous(b.base, count: inner, stride: b.rowStride) { x in
                    try split(rows, inner) { range in
                        receptive_gevm(kernel.level, x, a.base + range.lowerBound, a.columnStride, inner,
                                       c + range.lowerBound, range.count, adding)
                    }
                }
                return true
            }
            return false
        }
        guard rows == 1 else { return false }
        // y = x B: rows of B contiguous → streamed; columns contiguous → dot products with Bᵀ's rows.
        if b.columnStride == 1 {
            try withContiguous(a.base, count: inner, stride: a.columnStride) { x in
                try split(columns, inner) { range in
                    receptive_gevm(kernel.level, x, b.base + range.lowerBound, b.rowStride, inner,
                                   c + range.lowerBound, range.count, adding)
                }
            }
            return true
        }
        if b.rowStride == 1 {
            try withContiguous(a.base, count: inner, stride: a.columnStride) { x in
                try split(columns, inner) { range in
                    receptive_gemv_rows(kernel.level, b.base, b.columnStride, inner, x, c, range.lowerBound,
                                        range.upperBound, adding)
                }
            }
            return true
        }
        return false
    }

    /// `values[i·stride]` for `i < count` as a contiguous pointer: the original when `stride` is
    /// 1, else a copy.
    private static func withContiguous<Result>(_ values: UnsafePointer<Double>, count: Int, stride: Int,
                                               _ body: (UnsafePointer<Double>) throws -> Result) rethrows -> Result {
        if stride == 1 || count <= 1 { return try body(values) }
        let copy = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { copy.deallocate() }
        for i in 0..<count { copy[i] = values[i * stride] }
        return try body(copy)
    }
}

extension ReceptiveMatrixProduct {
    /// The product C (+)= A · B of `rows × inner` A and `inner × columns` B, as the C kernels take it.
    init(rows: Int, columns: Int, inner: Int, _ a: MatrixProduct.Operand, _ b: MatrixProduct.Operand,
         _ c: UnsafeMutablePointer<Double>, cRowStride: Int, accumulate: Bool) {
        self.init(rows: rows, columns: columns, inner: inner,
                  a: a.base, aRowStride: a.rowStride, aColumnStride: a.columnStride,
                  b: b.base, bRowStride: b.rowStride, bColumnStride: b.columnStride,
                  c: c, cRowStride: cRowStride, accumulate: accumulate ? 1 : 0)
    }
}
