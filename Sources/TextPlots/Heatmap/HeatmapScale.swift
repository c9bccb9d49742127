/// Maps values to ramp characters and colours: sequential from the low to the high limit,
/// or diverging around 0 (different characters for negative and positive) when the limits
/// straddle 0.
struct HeatmapScale {
    let low: Double
    let high: Double
    let diverging: Bool
    let ramp: HeatmapOptions.Ramp
    let clipped: Bool

    init(summary: ValueSummary, zlim: ClosedRange<Double>?, ramp: HeatmapOptions.Ramp) {
        self.ramp = ramp
        let dataLow = summary.finiteRange?.lowerBound ?? 0
        let dataHigh = summary.finiteRange?.upperBound ?? 0
        if let zlim {
            low = zlim.lowerBound
            high = zlim.upperBound
            clipped = dataLow < low || dataHigh > high
        } else {
            clipped = false
            if dataLow < 0 && dataHigh > 0 {
                // Symmetric limits so that equal magnitudes look equal on both sides.
                let reach = max(-dataLow, dataHigh)
                (low, high) = (-reach, reach)
            } else {
                (low, high) = (dataLow, dataHigh)
            }
        }
        diverging = low < 0 && high > 0
    }

    // The heatmap's glyph table: the Unicode ramps (blocks, and circles for negatives) and the
    // ASCII ramps that stand for them (`HeatmapOptions.drawnRamp` picks ASCII in that charset).
    static let ascii = Array(" .:-=+*#%@").map(String.init)
    static let blocks = [" ", "░", "▒", "▓", "█"]
    static let asciiNegative = [",", "-", "=", "o", "O"]
    static let asciiPositive = [".", ":", "+", "#", "@"]
    static let blocksNegative = ["·", "∘", "○", "●"]
    static let blocksPositive = ["░", "▒", "▓", "█"]

    /// Whether all finite values are equal (the ramp then has nothing to spread over).
    var isFlat: Bool { !(high > low) }

    /// The position of `value` on the scale: 0…1 sequential, -1…1 diverging; nil when not finite.
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if diverging { return value < 0 ? -min(1, value / low) : min(1, value / high) }
        guard !isFlat else { return 0.5 }
        return min(1, max(0, (value - low) / (high - low)))
    }

    /// The character for `value` in the ascii and blocks ramps.
    func character(_ value: Double) -> String {
        guard let t = position(value) else { return HeatmapScale.special(value) }
        if diverging {
            guard t != 0 else { return " " }
            let side = t < 0 ? negativeRamp : positiveRamp
            return side[min(side.count - 1, Int(abs(t) * Double(side.count)))]
        }
        let steps = sequentialRamp
        return steps[min(steps.count - 1, Int(t * Double(steps.count)))]
    }

    /// Whether `value` is "on" in monochrome half-block mode.
    func isOn(_ value: Double) -> Bool {
        guard let t = position(value) else { return false }
        return diverging ? t > 0 : t >= 0.5
    }

    /// The xterm-256 colour for `value`; nil when not finite.
    func color(_ value: Double) -> Int? {
        guard let t = position(value) else { return nil }
        return diverging ? Palette.diverging(t) : Palette.grey(t)
    }

    /// The marks for values that are not finite.
    static func special(_ value: Double) -> String {
        value.isNaN ? "?" : (value > 0 ? ">" : "<")
    }

    var sequentialRamp: [String] { ramp == .ascii ? HeatmapScale.ascii : HeatmapScale.blocks }
    var negativeRamp: [String] { ramp == .ascii ? HeatmapScale.asciiNegative : HeatmapScale.blocksNegative }
    var positiveRamp: [String] { ramp == .ascii ? HeatmapScale.asciiPositive : HeatmapScale.blocksPositive }
}
