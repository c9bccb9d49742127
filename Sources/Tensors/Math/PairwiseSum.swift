/// numpy's pairwise summation (`pairwise_sum_DOUBLE` in `loops_utils.h`), reproduced step for
/// step so that `sum`, `mean` and `norm` of a contiguous run give numpy's bits, not just its
/// accuracy. The additions are the C kernels' (`receptive_pairwise_sum`, which sums several of
/// numpy's 128-element leaves at once); a long run is also split over the cores here.
enum PairwiseSum {
    /// What is summed for each element.
    enum Term {
        /// The element itself (sum, mean).
        case identity
        /// Its square (norm).
        case square
    }

    /// The sum of `term(values[i])` for `i` in `0..<count`, in numpy's order, on this thread.
    static func sum(_ values: UnsafePointer<Double>, count: Int, _ term: Term,
                    kernel: VectorKernel = .best) -> Double {
        // numpy starts the reduction from the identity 0 and adds the pairwise sum of the run.
        0 + kernel.pairwiseSum(values, count: count, squares: term == .square)
    }

    /// Runs this long and longer are split over the cores: 2^18 elements (2 MiB), costed at half
    /// a unit of `ParallelLoop`'s each (a sum reads and does not write, and its kernel adds four
    /// leaves at once), so that they reach `ParallelLoop.parallelThreshold`.
    static let parallelCount = 1 << 18

    /// Elements in a subtree summed as one unit of work when the run is split.
    private static let subtreeCount = 1 << 15

    /// The same sum (the same bits), split over the cores when the run is long. numpy's
    /// recursion adds the sums of two halves, each the sum of two quarters, …: the first levels
    /// of that recursion are walked here, their subtrees summed independently (in parallel), and
    /// the subtrees' sums added pairwise, level by level, as the recursion adds them.
    ///
    /// Why two cores for a read-only loop (measured, tensor-core.md round 7): one core summed a
    /// 1024² tensor in 0.10 ms on a quiet machine and 0.17–0.24 ms while other processes ran
    /// (the 8 MiB no longer stays in the shared cache, and the misses one core keeps in flight
    /// fall short of the memory's bandwidth); numpy's 0.21 ms lies between the two. Both cores
    /// took 0.055 ms on the quiet machine.
    static func sum(_ values: UnsafePointer<Double>, count: Int, _ term: Term,
                    control: ExecutionControl) throws -> Double {
        guard count >= parallelCount else { return sum(values, count: count, term) }
        // Every node above the subtrees is longer than a leaf (128), so each level splits all.
        var runs = [(start: 0, count: count)]
        while runs.count < 64, runs[0].count / 2 >= subtreeCount {
            runs = runs.flatMap { run -> [(start: Int, count: Int)] in
                let half = run.count / 2 - (run.count / 2) % 8   // numpy's split: a multiple of 8
                return [(run.start, half), (run.start + half, run.count - half)]
            }
        }
        let kernel = VectorKernel.best
        var sums = [Double](repeating: 0, count: runs.count)
        try sums.withUnsafeMutableBufferPointer { sums in
            try ParallelLoop.run("sum", units: runs.count, costPerUnit: count / runs.count / 2, control: control) { range in
                for index in range {
                    sums[index] = kernel.pairwiseSum(values + runs[index].start, count: runs[index].count,
                                                     squares: term == .square)
                }
            }
        }
        while sums.count > 1 {
            sums = Swift.stride(from: 0, to: sums.count, by: 2).map { sums[$0] + sums[$0 + 1] }
        }
        return 0 + sums[0]
    }
}
