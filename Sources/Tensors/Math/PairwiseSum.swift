/// numpy's pairwise summation (`pairwise_sum_DOUBLE` in `loops_utils.h`), reproduced step for
/// step so that `sum` and `mean` of a contiguous run give numpy's bits, not just its accuracy.
enum PairwiseSum {
    /// numpy's `PW_BLOCKSIZE`: runs up to this length are summed with eight accumulators.
    private static let blockSize = 128

    /// The sum of `term(values[base + i·stride])` for `i` in `0..<count`, in numpy's order.
    @inline(__always)
    static func sum(_ values: UnsafeBufferPointer<Double>, base: Int, count: Int, stride: Int,
                    _ term: (Double) -> Double) -> Double {
        // numpy starts the reduction from the identity 0 and adds the pairwise sum of the run.
        0 + pairwise(values, base: base, count: count, stride: stride, term)
    }

    private static func pairwise(_ values: UnsafeBufferPointer<Double>, base: Int, count: Int, stride: Int,
                                 _ term: (Double) -> Double) -> Double {
        if count < 8 {
            var total = 0.0
            for i in 0..<count { total += term(values[base + i * stride]) }
            return total
        }
        if count <= blockSize {
            // Eight lanes, each adding exactly the elements numpy's r[j] adds, in the same order.
            var r = lanes(values, at: base, stride: stride, term)
            var i = 8
            while i < count - count % 8 {
                r += lanes(values, at: base + i * stride, stride: stride, term)
                i += 8
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < count {
                total += term(values[base + i * stride])
                i += 1
            }
            return total
        }
        var half = count / 2
        // numpy splits at a multiple of 8 below the middle.
        half -= half % 8
        return pairwise(values, base: base, count: half, stride: stride, term)
            + pairwise(values, base: base + half * stride, count: count - half, stride: stride, term)
    }

    @inline(__always)
    private static func lanes(_ values: UnsafeBufferPointer<Double>, at start: Int, stride: Int,
                              _ term: (Double) -> Double) -> SIMD8<Double> {
        SIMD8(term(values[start]), term(values[start + stride]), term(values[start + 2 * stride]),
              term(values[start + 3 * stride]), term(values[start + 4 * stride]), term(values[start + 5 * stride]),
              term(values[start + 6 * stride]), term(values[start + 7 * stride]))
    }
}
