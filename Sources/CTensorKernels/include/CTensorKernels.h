#ifndef RECEPTIVE_CTENSORKERNELS_H
#define RECEPTIVE_CTENSORKERNELS_H

// The tensor core's inner loops in C: elementwise arithmetic and transcendental functions,
// the matrix product (packed micro-kernels), reductions along memory order and blocked
// transposes. Each is written once over a vector type (`Vector.h`) and compiled three times,
// for AVX-512, for AVX2+FMA and for the baseline ("portable": SSE2 on x86-64, NEON on arm64),
// with per-function target attributes (which Swift lacks); `receptive_kernel_level()` picks
// the widest this CPU runs. Every function takes the level, so tests can run all of them.
//
// None of these functions allocate, check interrupts or spawn threads: Swift splits large work
// into chunks (checking the interrupt flag between them) and runs the chunks on every core,
// through the worker pool below (`receptive_pool_run`, the one place threads are made).

/// The vector extension a kernel is compiled for.
typedef enum {
    /// Baseline instructions (2-lane vectors, no fused multiply-add).
    ReceptiveKernelPortable = 0,
    /// AVX2 with fused multiply-add (4 lanes, 16 registers).
    ReceptiveKernelAVX2FMA = 1,
    /// AVX-512 F and DQ (8 lanes, 32 registers).
    ReceptiveKernelAVX512 = 2,
} ReceptiveKernelLevel;

/// The widest level this CPU and OS support (`__builtin_cpu_supports` also checks that the OS
/// saves the wide registers). Callers cache it: it never changes.
ReceptiveKernelLevel receptive_kernel_level(void);

// MARK: Elementwise

/// A function of one argument applied elementwise by `receptive_unary`.
typedef enum {
    /// e^x.
    ReceptiveUnaryExp = 0,
    /// ln x (−inf at ±0, NaN below 0).
    ReceptiveUnaryLog,
    /// sin x.
    ReceptiveUnarySin,
    /// cos x.
    ReceptiveUnaryCos,
    /// tanh x.
    ReceptiveUnaryTanh,
    /// 1 / (1 + e^−x).
    ReceptiveUnarySigmoid,
    /// √x, correctly rounded (NaN below 0, −0 at −0).
    ReceptiveUnarySqrt,
    /// |x|.
    ReceptiveUnaryAbs,
    /// max(x, 0), NaN kept.
    ReceptiveUnaryRelu,
    /// x rounded to a whole number, halves to even.
    ReceptiveUnaryRound,
    /// The largest whole number ≤ x (−0 stays −0).
    ReceptiveUnaryFloor,
    /// The smallest whole number ≥ x (−0 stays −0, −0.5 gives −0).
    ReceptiveUnaryCeil,
    /// −x.
    ReceptiveUnaryNegate,
} ReceptiveUnary;

/// `y[i] = f(x[i])` for `i < count`. `y` may equal `x`. Accurate to within a few units in the
/// last place of the correctly rounded result over the whole range, with infinities, NaN,
/// subnormals and overflow as C's libm (and numpy) give them.
void receptive_unary(ReceptiveKernelLevel level, ReceptiveUnary function, const double *x, double *y,
                     long count);

/// An operation of two arguments applied elementwise by `receptive_binary`.
typedef enum {
    /// a + b.
    ReceptiveBinaryAdd = 0,
    /// a − b.
    ReceptiveBinarySubtract,
    /// a × b.
    ReceptiveBinaryMultiply,
    /// a ÷ b.
    ReceptiveBinaryDivide,
    /// a ** b, as C's pow (numpy's power).
    ReceptiveBinaryPower,
    /// The floored remainder (Python's %): the sign follows the divisor; NaN for b = 0.
    ReceptiveBinaryRemainder,
    /// The floored quotient (Python's //, numpy's floor_divide): a // b with
    /// a == (a // b)·b + a % b as closely as doubles allow; a / b for b = 0.
    ReceptiveBinaryFloorDivide,
    /// The smaller, NaN if either is NaN.
    ReceptiveBinaryMinimum,
    /// The larger, NaN if either is NaN.
    ReceptiveBinaryMaximum,
    /// 1 where a = b, else 0.
    ReceptiveBinaryEqual,
    /// 1 where a ≠ b (or either is NaN), else 0.
    ReceptiveBinaryNotEqual,
    /// 1 where a < b, else 0.
    ReceptiveBinaryLess,
    /// 1 where a ≤ b, else 0.
    ReceptiveBinaryLessEqual,
    /// 1 where a > b, else 0.
    ReceptiveBinaryGreater,
    /// 1 where a ≥ b, else 0.
    ReceptiveBinaryGreaterEqual,
} ReceptiveBinary;

/// `out[i] = op(a[i·aStep], b[i·bStep])` for `i < count`; each step is 1 (a contiguous run) or
/// 0 (one element broadcast). `out` may equal a contiguous operand.
void receptive_binary(ReceptiveKernelLevel level, ReceptiveBinary op, const double *a, long aStep,
                      const double *b, long bStep, double *out, long count);

/// `out[r·length + i] = op(a[r·aRowStep + i], b[r·bRowStep + i])` for `r < rows`, `i < length`:
/// `receptive_binary` over rows, one operand's row repeated (its step 0, the other's `length`),
/// as a broadcast `x + y[0]` needs, in one call instead of one per row.
void receptive_binary_rows(ReceptiveKernelLevel level, ReceptiveBinary op, const double *a, long aRowStep,
                           const double *b, long bRowStep, double *out, long rows, long length);

/// `y[i] = min(max(x[i], low), high)`, NaN kept (numpy.clip with low ≤ high).
void receptive_clip(ReceptiveKernelLevel level, const double *x, double *y, long count, double low,
                    double high);

// MARK: Reductions

/// What `receptive_fold_rows` and `receptive_reduce` combine.
typedef enum {
    /// The sum (no particular order: use it where numpy's pairwise order is not promised).
    ReceptiveFoldSum = 0,
    /// The sum of squares.
    ReceptiveFoldSumOfSquares,
    /// The smallest, NaN if any is NaN.
    ReceptiveFoldMinimum,
    /// The largest, NaN if any is NaN.
    ReceptiveFoldMaximum,
} ReceptiveFold;

/// `accumulator[i] = fold(accumulator[i], row[i])` for `i < count`, for each of the `rowCount`
/// rows at `rows`, `rowStride` elements apart, in that order: rows of a reduction along a leading
/// axis, read in memory order (each element's folds in row order, so sums add as a loop over the
/// rows would).
void receptive_fold_rows(ReceptiveKernelLevel level, ReceptiveFold fold, const double *rows, long rowStride,
                         long rowCount, double *accumulator, long count);

/// The fold of `x[0..<count]` (count ≥ 1; for Sum and SumOfSquares 0 elements give 0).
double receptive_reduce(ReceptiveKernelLevel level, ReceptiveFold fold, const double *x, long count);

/// numpy's pairwise sum of `x[0..<count]` (of their squares when `square` is nonzero), bit for
/// bit as `pairwise_sum_DOUBLE` adds them (without the reduction's leading `0 +`); 0 for no
/// elements.
double receptive_pairwise_sum(ReceptiveKernelLevel level, int square, const double *x, long count);

/// One row of an arg-reduction along a leading axis: where `row[i]` beats `best[i]` (larger for
/// `largest`, smaller otherwise; a NaN beats everything and nothing beats a NaN, as numpy's
/// argmax), `best[i] = row[i]` and `index[i] = rowIndex`. Start with row 0 copied into `best`.
void receptive_fold_arg(ReceptiveKernelLevel level, int largest, const double *row, double rowIndex,
                        double *best, double *index, long count);

/// softmax along contiguous rows: `y[r, i] = e^(x[r, i] − m_r) / Σ_j e^(x[r, j] − m_r)`, with
/// m_r the row's largest element (numpy's and torch's stable form); `logarithm` gives
/// log-softmax `x[r, i] − m_r − ln Σ_j e^(x[r, j] − m_r)` instead. `y` may equal `x`.
void receptive_softmax_rows(ReceptiveKernelLevel level, int logarithm, const double *x, double *y,
                            long rows, long length);

// MARK: Copies

/// `destination[c·destinationStride + r] = source[r·sourceStride + c]` for `r < rows`, `c <
/// columns`: a transpose of a block, in cache-sized tiles.
void receptive_transpose(ReceptiveKernelLevel level, const double *source, long sourceStride, long rows,
                         long columns, double *destination, long destinationStride);

// MARK: Correlation

/// One stretch of one output row of a single-plane correlation whose column stride is 1 and
/// whose every column tap lies inside the input (the row's interior): for `j < count`,
/// `output[j] = start + Σ weights[r·kernelColumns + t] · source[r·rowStep + t·columnStep + j]`
/// over tap rows `r < tapRows` and tap columns `t < kernelColumns`, where `start` is
/// `output[j]` itself when `accumulates` and `initial` otherwise. The sum starts from 0 and adds
/// each product rounded, in that order (no fused multiply-add), and `start` is added last, at
/// every level: the sums are scipy.ndimage's bit for bit.
typedef struct {
    /// The input element that output 0 of the stretch reads at its first tap.
    const double *source;
    /// Elements between the input rows of successive tap rows (row dilation × input columns).
    long rowStep;
    /// Elements between the input columns of successive taps (the column dilation).
    long columnStep;
    /// Tap rows summed (those inside the input for this output row; may be 0).
    long tapRows;
    /// Taps per kernel row.
    long kernelColumns;
    /// The weights of the first tap row summed, `kernelColumns` per row, rows consecutive.
    const double *weights;
    /// The stretch's first output.
    double *output;
    /// Outputs in the stretch.
    long count;
    /// What the sums are added to when not `accumulates`.
    double initial;
    /// Whether the sums are added to the outputs' own values (a later input channel).
    int accumulates;
} ReceptiveCorrelationRow;

/// Computes `row` (see `ReceptiveCorrelationRow`). Disjoint stretches may run concurrently.
void receptive_correlate_row(ReceptiveKernelLevel level, const ReceptiveCorrelationRow *row);

// MARK: Matrix product

/// A product C = A · B of an m × k matrix A and a k × n matrix B, each read through strides (so
/// transposed operands need no copy), into a row-major C with `cRowStride` between its rows.
typedef struct {
    /// Rows of A and C (m).
    long rows;
    /// Columns of B and C (n).
    long columns;
    /// Columns of A and rows of B (k).
    long inner;
    /// A[i, p] is `a[i·aRowStride + p·aColumnStride]`.
    const double *a;
    long aRowStride;
    long aColumnStride;
    /// B[p, j] is `b[p·bRowStride + j·bColumnStride]`.
    const double *b;
    long bRowStride;
    long bColumnStride;
    /// C[i, j] is `c[i·cRowStride + j]`.
    double *c;
    long cRowStride;
    /// Whether C's elements are added to (C += A · B) rather than overwritten.
    int accumulate;
} ReceptiveMatrixProduct;

/// The columns of one B micro-panel at `level`. B is packed as ⌈n / width⌉ panels; slab by slab
/// of the inner dimension, so `receptive_gemm_pack_b` fills ⌈n / width⌉ · width · k doubles.
long receptive_gemm_panel_width(ReceptiveKernelLevel level);

/// Packs B's micro-panels `firstPanel..<endPanel` into `packed`; disjoint ranges may be packed
/// concurrently.
void receptive_gemm_pack_b(ReceptiveKernelLevel level, const ReceptiveMatrixProduct *product, double *packed,
                           long firstPanel, long endPanel);

/// The doubles of scratch space `receptive_gemm_rows` needs (A's packed rows).
long receptive_gemm_scratch_count(ReceptiveKernelLevel level);

/// The rows of C an efficient call of `receptive_gemm_rows` covers (a multiple of the kernel's rows).
long receptive_gemm_row_block(ReceptiveKernelLevel level);

/// Computes rows `firstRow..<endRow` of C from B packed by `receptive_gemm_pack_b`, packing
/// A's rows into `scratch`. Disjoint row ranges may run concurrently, each with its own scratch.
void receptive_gemm_rows(ReceptiveKernelLevel level, const ReceptiveMatrixProduct *product, const double *packed,
                         double *scratch, long firstRow, long endRow);

/// The rows of the micro-kernel: `receptive_gemm_small` row ranges that start at a multiple of
/// it split the work without extra edge tiles.
long receptive_gemm_micro_rows(ReceptiveKernelLevel level);

/// Computes rows `firstRow..<endRow` of C without packing B, which must have contiguous rows
/// (`bColumnStride == 1`): for products whose B fits in the second-level cache, where packing
/// costs more than it saves. A may have any strides. Disjoint row ranges may run concurrently.
void receptive_gemm_small(ReceptiveKernelLevel level, const ReceptiveMatrixProduct *product, long firstRow,
                          long endRow);

/// y[i] (+)= Σ_p A[i, p] · x[p] for rows `firstRow..<endRow` of a row-major A (row stride
/// `aRowStride`, contiguous rows) and a contiguous x: the matrix × vector product.
void receptive_gemv_rows(ReceptiveKernelLevel level, const double *a, long aRowStride, long inner,
                         const double *x, double *y, long firstRow, long endRow, int accumulate);

/// y[j] (+)= Σ_p x[p] · B[p, j] for `j < columns` of a B with contiguous rows `bRowStride`
/// apart: the vector × matrix product, streaming B's rows (callers split the columns).
void receptive_gevm(ReceptiveKernelLevel level, const double *x, const double *b, long bRowStride, long inner,
                    double *y, long columns, int accumulate);

// MARK: Allocation

/// Makes glibc serve every allocation from the heap (no per-allocation mmap) and keep up to
/// `retainedBytes` of freed memory at the heap's top; see AllocatorPolicy.swift. Returns 1 when
/// applied, 0 elsewhere (not glibc).
int receptive_keep_large_buffers_in_heap(long retainedBytes);

/// Asks the kernel for transparent huge pages (`madvise(MADV_HUGEPAGE)`) on the whole pages of
/// `hugePageSize` bytes (a power of two) that lie inside the `byteCount` bytes at `start`; see
/// AllocatorPolicy.swift. Returns the bytes advised (0 when no whole page fits, or off Linux);
/// madvise's own failure is ignored (the memory stays on small pages).
long receptive_advise_huge_pages(void *start, long byteCount, long hugePageSize);

// MARK: Worker threads

/// One chunk of a job: called with the job's context and the chunk's index.
typedef void (*ReceptivePoolChunk)(void *context, long chunk);

/// Calls `function(context, chunk)` once for each `chunk < chunks`, on the calling thread and
/// the pool's workers (one per further core of the `cores` the first call passes, started on
/// that call, polling for 200 µs after a job before they sleep), and returns when every call has returned. While one job runs, a
/// second caller's chunks (another thread's, or a chunk's own nested loop) run on that caller,
/// in order. Returns the number of workers the job was offered to (0: it ran on the calling
/// thread alone).
/// See WorkerPool.c.
long receptive_pool_run(long cores, long chunks, ReceptivePoolChunk function, void *context);

#endif
