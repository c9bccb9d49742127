/// numpy's pairwise summation (`pairwise_sum_DOUBLE` in `loops_utils.h`), reproduced step for
/// step so that `sum` and `mean` of a contiguous run give numpy's bits, not just its accuracy.
enum PairwiseSum {
    /// What is summed for each element.
    enum Term {
        /// The element itself (sum, mean).
        case identity
        /// Its square (norm).
        case square

        /// The term of one element.
        @inline(__always)
        func callAsFunction(_ x: Double) -> Double { self == .identity ? x : x * x }

        /// The terms of eight elements; lane-wise IEEE arithmetic, so equal to eight scalar calls.
        @inline(__always)
        func callAsFunction(_ x: SIMD8<Double>) -> SIMD8<Double> { self == .identity ? x : x * x }
    }

    /// numpy's `PW_BLOCKSIZE`: runs up to this length are summed with eight accumulators.
    private static let blockSize = 128

    /// The sum of `term(values[base + i·stride])` for `i` in `0..<count`, in numpy's order.
    static func sum(_ values: UnsafeBufferPointer<Double>, base: Int, count: Int, stride: Int, _ term: Term) -> Double {
        guard count > 0, let start = values.baseAddress else { return 0 }
        // numpy starts the reduction from the identity 0 and adds the pairwise sum of the run.
        return 0 + pairwise(start + base, count: count, stride: stride, term)
    }

    private static func pairwise(_ values: UnsafePointer<Double>, count: Int, stride: Int, _ term: Term) -> Double {
        if count < 8 {
            var total = 0.0
            for i in 0..<count { total += term(values[i * stride]) }
            return total
        }
        if count <= blockSize {
            // Eight lanes, each adding exactly the elements numpy's r[j] adds, in the same order.
            var r = term(lanes(values, stride: stride))
            var i = 8
            while i < count - count % 8 {
                r += term(lanes(values + i * stride, stride: stride))
                i += 8
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < count {
                total += term(values[i * stride])
                i += 1
            }
            return total
        }
        var half = count / 2
        // numpy splits at a multiple of 8 below the middle.
        half -= half % 8
        return pairwise(values, count: half, stride: stride, term)
            + pairwise(values + half * stride, count: count - half, stride: stride, term)
    }

    @inline(__always)
    private static func lanes(_ values: UnsafePointer<Double>, stride: Int) -> SIMD8<Double> {
        if stride == 1 { return UnsafeRawPointer(values).loadUnaligned(as: SIMD8<Double>.self) }
        return SIMD8(values[0], values[stride], values[2 * stride], values[3 * stride],
                     values[4 * stride], values[5 * stride], values[6 * stride], values[7 * stride])
    }
}
