import CTensorKernels

/// The instructions the tensor core's C kernels (`Sources/CTensorKernels`) run on: AVX-512,
/// AVX2 with FMA, or the baseline of any CPU, the widest this one has chosen once at run time.
///
/// The elementwise, reduction, softmax and transpose kernels are called only through the
/// methods here (the matrix product's through `MatrixProduct`), which state what each C
/// function needs: the pointers address `count` valid elements, an output may equal a
/// contiguous input, and nothing is retained after the call. Tests pick a level explicitly to
/// run every kernel this CPU has.
enum VectorKernel: CaseIterable, Sendable {
    /// 2-lane vectors, multiply and add rounded separately (SSE2 on x86-64, NEON on arm64).
    case portable
    /// 4-lane vectors with fused multiply-add.
    case avx2FMA
    /// 8-lane vectors with fused multiply-add.
    case avx512

    /// The widest level this CPU and OS support.
    static let best = VectorKernel(level: receptive_kernel_level())

    /// Every level that can run here, narrowest first (the portable one always can).
    static var available: [VectorKernel] {
        allCases.filter { $0.level.rawValue <= best.level.rawValue }
    }

    /// The C library's name for this level.
    var level: ReceptiveKernelLevel {
        switch self {
        case .portable: return ReceptiveKernelPortable
        case .avx2FMA: return ReceptiveKernelAVX2FMA
        case .avx512: return ReceptiveKernelAVX512
        }
    }

    private init(level: ReceptiveKernelLevel) {
        self = Self.allCases.first { $0.level == level } ?? .portable
    }

    // MARK: Elementwise

    /// `y[i] = function(x[i])` for `i < count`.
    func apply(_ function: UnaryFunction, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        receptive_unary(level, function.kernel, x, y, count)
    }

    /// `out[i] = operation(a[i·aStep], b[i·bStep])` for `i < count`, each step 0 or 1.
    func combine(_ operation: BinaryOperation, _ a: UnsafePointer<Double>, step aStep: Int,
                 _ b: UnsafePointer<Double>, step bStep: Int, into out: UnsafeMutablePointer<Double>, count: Int) {
        receptive_binary(level, operation.kernel, a, aStep, b, bStep, out, count)
    }

    /// `out[r·length + i] = operation(a[r·aRowStep + i], b[r·bRowStep + i])` for `r < rows`,
    /// `i < length`: rows of which one operand's repeats (row step 0).
    func combineRows(_ operation: BinaryOperation, _ a: UnsafePointer<Double>, rowStep aRowStep: Int,
                     _ b: UnsafePointer<Double>, rowStep bRowStep: Int, into out: UnsafeMutablePointer<Double>,
                     rows: Int, length: Int) {
        receptive_binary_rows(level, operation.kernel, a, aRowStep, b, bRowStep, out, rows, length)
    }

    /// `y[i] = x[i]` limited to `[low, high]` (NaN kept).
    func clip(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int, low: Double, high: Double) {
        receptive_clip(level, x, y, count, low, high)
    }

    // MARK: Reductions

    /// What `fold` and `reduce` combine.
    enum Fold {
        /// The sum, in no particular order.
        case sum
        /// The sum of squares, in no particular order.
        case sumOfSquares
        /// The smallest (NaN if any is NaN; the first of equals kept).
        case minimum
        /// The largest (NaN if any is NaN; the first of equals kept).
        case maximum

        fileprivate var kernel: ReceptiveFold {
            switch self {
            case .sum: return ReceptiveFoldSum
            case .sumOfSquares: return ReceptiveFoldSumOfSquares
            case .minimum: return ReceptiveFoldMinimum
            case .maximum: return ReceptiveFoldMaximum
            }
        }
    }

    /// `accumulator[i] = fold(accumulator[i], row[i])` for `i < count`, for each of `rowCount`
    /// rows `rowStride` elements apart, in row order.
    func fold(_ fold: Fold, rows: UnsafePointer<Double>, rowStride: Int, rowCount: Int,
              into accumulator: UnsafeMutablePointer<Double>, count: Int) {
        receptive_fold_rows(level, fold.kernel, rows, rowStride, rowCount, accumulator, count)
    }

    /// The fold of `x[0..<count]`; `count ≥ 1` for the minimum and maximum.
    func reduce(_ fold: Fold, _ x: UnsafePointer<Double>, count: Int) -> Double {
        receptive_reduce(level, fold.kernel, x, count)
    }

    /// numpy's pairwise sum of `x[0..<count]` (of their squares when `squares`), bit for bit,
    /// without the reduction's leading `0 +` (`PairwiseSum` adds it); 0 for no elements.
    func pairwiseSum(_ x: UnsafePointer<Double>, count: Int, squares: Bool) -> Double {
        receptive_pairwise_sum(level, squares ? 1 : 0, x, count)
    }

    /// Where `row[i]` beats `best[i]` (NaN beats all, nothing beats NaN; ties keep the
    /// earlier), takes its value and `rowIndex`.
    func foldArg(largest: Bool, row: UnsafePointer<Double>, rowIndex: Int, best: UnsafeMutablePointer<Double>,
                 index: UnsafeMutablePointer<Double>, count: Int) {
        receptive_fold_arg(level, largest ? 1 : 0, row, Double(rowIndex), best, index, count)
    }

    /// softmax (or log-softmax) of `rows` contiguous rows of `length`.
    func softmax(logarithm: Bool, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, rows: Int,
                 length: Int) {
        receptive_softmax_rows(level, logarithm ? 1 : 0, x, y, rows, length)
    }

    // MARK: Copies

    /// `destination[c·destinationStride + r] = source[r·sourceStride + c]` for a block of
    /// `rows × columns`.
    func transpose(_ source: UnsafePointer<Double>, stride sourceStride: Int, rows: Int, columns: Int,
                   into destination: UnsafeMutablePointer<Double>, stride destinationStride: Int) {
        receptive_transpose(level, source, sourceStride, rows, columns, destination, destinationStride)
    }

    // MARK: Correlation

    /// One stretch of an output row of a single-plane correlation (`ReceptiveCorrelationRow`):
    /// `output[j] = start + Σ weights[r·kernelColumns + t] · source[r·rowStep + t·columnStep + j]`
    /// for `j < count`, the sum from 0 in tap order with each product rounded, `start` being
    /// `output[j]` when `initial` is nil. Every element read must lie inside the input.
    func correlateRow(source: UnsafePointer<Double>, rowStep: Int, columnStep: Int, tapRows: Int, kernelColumns: Int,
                      weights: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>, count: Int,
                      startingAt initial: Double?) {
        var row = ReceptiveCorrelationRow(
            source: source, rowStep: rowStep, columnStep: columnStep, tapRows: tapRows, kernelColumns: kernelColumns,
            weights: weights, output: output, count: count, initial: initial ?? 0, accumulates: initial == nil ? 1 : 0)
        receptive_correlate_row(level, &row)
    }
}

extension UnaryFunction {
    /// The C kernel's name for this function.
    fileprivate var kernel: ReceptiveUnary {
        switch self {
        case .abs: return ReceptiveUnaryAbs
        case .sqrt: return ReceptiveUnarySqrt
        case .exp: return ReceptiveUnaryExp
        case .log: return ReceptiveUnaryLog
        case .sin: return ReceptiveUnarySin
        case .cos: return ReceptiveUnaryCos
        case .tanh: return ReceptiveUnaryTanh
        case .sigmoid: return ReceptiveUnarySigmoid
        case .relu: return ReceptiveUnaryRelu
        case .round: return ReceptiveUnaryRound
        case .floor: return ReceptiveUnaryFloor
        case .ceil: return ReceptiveUnaryCeil
        }
    }
}

extension BinaryOperation {
    /// The C kernel's name for this operation.
    fileprivate var kernel: ReceptiveBinary {
        switch self {
        case .add: return ReceptiveBinaryAdd
        case .subtract: return ReceptiveBinarySubtract
        case .multiply: return ReceptiveBinaryMultiply
        case .divide: return ReceptiveBinaryDivide
        case .floorDivide: return ReceptiveBinaryFloorDivide
        case .remainder: return ReceptiveBinaryRemainder
        case .power: return ReceptiveBinaryPower
        case .equal: return ReceptiveBinaryEqual
        case .notEqual: return ReceptiveBinaryNotEqual
        case .less: return ReceptiveBinaryLess
        case .lessEqual: return ReceptiveBinaryLessEqual
        case .greater: return ReceptiveBinaryGreater
        case .greaterEqual: return ReceptiveBinaryGreaterEqual
        case .minimum: return ReceptiveBinaryMinimum
        case .maximum: return ReceptiveBinaryMaximum
        }
    }
}
