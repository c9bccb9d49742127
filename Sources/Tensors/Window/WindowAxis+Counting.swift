extension WindowAxis {
    /// Summed over all outputs, the taps that read the input (directly, or through a fill that
    /// folds the padding onto it), and the outputs with at least one such tap; FLOP counts and
    /// matrix sizes are products of these per-axis sums. O(kernel log kernel), not per output:
    /// tap q reads the input for one interval of outputs, `outputsInside(tap:)`.
    func insideCounts(control: ExecutionControl) throws -> (taps: Int, outputs: Int) {
        if fill != .zero {
            return (try Layer.product(output, kernel, what: "FLOP count"), output)
        }
        var intervals: [Range<Int>] = []
        var total = 0
        for tap in 0..<kernel {
            if tap % 65_536 == 0 { try control.checkInterrupt() }
            let outputs = outputsInside(tap: tap)
            guard !outputs.isEmpty else { continue }
            intervals.append(outputs)
            total += outputs.count
        }
        return (total, WindowAxis.unionCount(intervals))
    }

    /// The number of integers in the union of `intervals`.
    private static func unionCount(_ intervals: [Range<Int>]) -> Int {
        var count = 0
        var reached = Int.min
        for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(interval.lowerBound, reached)
            if start < interval.upperBound { count += interval.upperBound - start }
            reached = max(reached, interval.upperBound)
        }
        return count
    }
}
