import Foundation

/// "Nice" tick values (1, 2 or 5 × 10^k apart) inside a range, for axis labels.
enum AxisTicks {
    /// About `count` ticks covering `low…high`, all inside the range.
    static func values(low: Double, high: Double, count: Int) -> [Double] {
        guard high > low, low.isFinite, high.isFinite, count > 0 else { return [low] }
        let rough = (high - low) / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
        var ticks: [Double] = []
        var index = (low / step - 1e-9).rounded(.up)
        while index * step <= high + step * 1e-9 {
            let value = index * step
            // Snap rounding residue (e.g. 1e-17) to zero so the label reads "0".
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            index += 1
        }
        return ticks
    }
}
