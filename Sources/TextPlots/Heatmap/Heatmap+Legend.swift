extension Heatmap {
    /// The scale line (ramp between its limits) and a line of facts: the shape, the block
    /// size when downsampled, clipping, and the marks for values that are not finite.
    static func legend(scale: HeatmapScale, summary: ValueSummary, shape: [Int], factor: Int,
                       color: Bool, charset: Charset) -> [StyledLine] {
        var facts = ["shape " + shape.map(String.init).joined(separator: "×")]
        if factor > 1 { facts.append("each cell = mean of \(factor)×\(factor) values") }
        if scale.clipped { facts.append("values outside zlim clipped") }
        if summary.hasNaN { facts.append("? nan") }
        if summary.hasPositiveInfinity { facts.append("> +inf") }
        if summary.hasNegativeInfinity { facts.append("< -inf") }
        return [scaleLine(scale, color: color, charset: charset),
                StyledLine(charset.spell(facts.joined(separator: "   ")))]
    }

    private static func scaleLine(_ scale: HeatmapScale, color: Bool, charset: Charset) -> StyledLine {
        let low = NumberText.compact(scale.low)
        let high = NumberText.compact(scale.high)
        if scale.isFlat { return StyledLine("all finite values = \(low)") }
        if scale.ramp == .half && !color {
            let threshold = scale.diverging ? "0" : NumberText.compact((scale.low + scale.high) / 2)
            let relation = scale.diverging ? ">" : "≥"
            // Only Unicode draws half blocks (`drawnRamp`), so this legend needs no ASCII form.
            return StyledLine("▀▄█ value \(relation) \(threshold), blank below   (range \(low) … \(high))")
        }
        var line = StyledLine(low + " ")
        if scale.diverging {
            let levels = scale.positiveRamp.count
            let middles = (0..<levels).map { (Double($0) + 0.5) / Double(levels) }
            appendSwatches(&line, scale: scale, positions: middles.reversed().map { -$0 }, color: color)
            line.append(" 0 ")
            appendSwatches(&line, scale: scale, positions: middles, color: color)
        } else {
            let count = scale.sequentialRamp.count
            let positions = (0..<count).map { (Double($0) + 0.5) / Double(count) }
            line.append("[")
            appendSwatches(&line, scale: scale, positions: positions, color: color)
            line.append("]")
        }
        line.append(" " + high)
        return line
    }

    /// One character per position on the scale (−1…1 diverging, 0…1 sequential).
    private static func appendSwatches<Positions: Sequence<Double>>(
        _ line: inout StyledLine, scale: HeatmapScale, positions: Positions, color: Bool
    ) {
        for t in positions {
            let value = scale.diverging
                ? (t < 0 ? -t * scale.low : t * scale.high)
                : scale.low + t * (scale.high - scale.low)
            let mark = scale.ramp == .half ? "█" : scale.character(value)
            line.append(mark, foreground: color ? scale.color(value) : nil)
        }
    }
}
