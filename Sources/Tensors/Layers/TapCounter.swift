/// Counts, along one axis, how many kernel taps land inside the input over all output
/// positions, in O(k log k) rather than per position: tap q is inside for the positions p
/// with 0 ≤ p·s − before + q·d < n, one interval of p per tap.
struct TapCounter {
    private let positions: Int
    private let extent: Int
    private let taps: Int
    private let stride: Int
    private let dilation: Int
    private let before: Int
    private let wraps: Bool

    /// Prepares to count axis `axis` of `geometry` for `input` units in and `output` out.
    init(_ geometry: ConvolutionGeometry, axis: Int, input: Int, output: Int) {
        positions = output
        extent = input
        taps = geometry.kernelShape[axis]
        stride = geometry.stride[axis]
        dilation = geometry.dilation[axis]
        before = geometry.padding[axis].before
        wraps = geometry.paddingMode == .wrap
    }

    /// The in-bounds taps summed over positions, and the positions with at least one;
    /// `control` can interrupt a count over a very long kernel.
    func counts(control: ExecutionControl) throws -> (taps: Int, nonEmpty: Int) {
        if wraps { return (try Layer.product(positions, taps, what: "FLOP count"), positions) }
        var intervals: [ClosedRange<Int>] = []
        var total = 0
        for tap in 0..<taps {
            if tap % 65_536 == 0 { try control.checkInterrupt() }
            let offset = tap * dilation - before
            let low = max(0, TapCounter.ceilingDivision(-offset, stride))
            let high = min(positions - 1, TapCounter.floorDivision(extent - 1 - offset, stride))
            guard low <= high else { continue }
            intervals.append(low...high)
            total += high - low + 1
        }
        return (total, TapCounter.unionCount(intervals))
    }

    private static func unionCount(_ intervals: [ClosedRange<Int>]) -> Int {
        var count = 0
        var reached = Int.min
        for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(interval.lowerBound, reached == Int.min ? interval.lowerBound : reached + 1)
            if start <= interval.upperBound { count += interval.upperBound - start + 1 }
            reached = max(reached, interval.upperBound)
        }
        return count
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> Int {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }

    private static func ceilingDivision(_ value: Int, _ divisor: Int) -> Int {
        -floorDivision(-value, divisor)
    }
}
