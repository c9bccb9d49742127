import WholeNumbers

/// Horizontal bar charts: one labelled bar per value, drawn in eighths of a character, with
/// the value after it; negative values extend left of a zero axis.
public enum BarChart {
    /// Draws `values` with `labels` (nil: 0, 1, 2, …) in at most `width` columns.
    public static func render(values: [Double], labels: [String]? = nil, title: String? = nil,
                              width: Int) throws -> Figure {
        let labels = labels ?? values.indices.map(String.init)
        guard labels.count == values.count else {
            throw TextPlotsError.invalidInput("bar: expected \(values.count) labels (one per value), found \(labels.count)")
        }
        guard width >= 20 else {
            throw TextPlotsError.invalidOption("bar: 'width' must be at least 20 columns, found \(width)")
        }
        var lines = title.map { [$0] } ?? []
        guard !values.isEmpty else {
            lines.append("(no values: nothing to draw)")
            return figure(lines)
        }
        let texts = values.map { $0.wholeNumber.map(NumberText.grouped) ?? NumberText.compact($0) }
        let labelWidth = labels.map(TextWidth.columns).max() ?? 0
        let valueWidth = texts.map(\.count).max() ?? 0
        let area = max(4, width - labelWidth - valueWidth - 3)
        let finite = values.filter(\.isFinite)
        let lowest = min(0, finite.min() ?? 0), highest = max(0, finite.max() ?? 0)
        let span = highest - lowest
        let left = span > 0 ? Int((Double(area) * -lowest / span).rounded()) : 0
        let right = area - left
        let scale = columnsPerUnit(lowest: lowest, highest: highest, left: left, right: right)
        for (index, value) in values.enumerated() {
            let bar = bars(value, left: left, right: right, scale: scale)
            lines.append(TextWidth.trimmingTrailingSpaces(TextWidth.padded(labels[index], to: labelWidth)
                + " " + bar + " " + TextWidth.leftPadded(texts[index], to: valueWidth)))
        }
        return figure(lines)
    }

    /// Columns per unit of value. The axis splits the area into whole columns, so `area / span`
    /// can give one side a fraction of a column more than it has (values -3 and 4 in 32 columns:
    /// 14 left, 18 right, but 4 · 32/7 = 18.3); the scale is the largest at which each side's
    /// extreme fits its own columns. A side rounded to no columns cannot show its bars anyway.
    private static func columnsPerUnit(lowest: Double, highest: Double, left: Int, right: Int) -> Double {
        var fits: [Double] = []
        if lowest < 0 && left > 0 { fits.append(Double(left) / -lowest) }
        if highest > 0 && right > 0 { fits.append(Double(right) / highest) }
        return fits.min() ?? 0
    }

    /// The bar area for one value: `left` columns for negatives, the axis, `right` for positives.
    private static func bars(_ value: Double, left: Int, right: Int, scale: Double) -> String {
        var negative = String(repeating: " ", count: left)
        var positive = String(repeating: " ", count: right)
        if value.isFinite && value > 0 {
            positive = TextWidth.padded(eighths(min(value * scale, Double(right))), to: right)
        } else if value.isFinite && value < 0 {
            let length = min(left, Int((-value * scale).rounded()))
            negative = String(repeating: " ", count: left - length) + String(repeating: "█", count: length)
        } else if value == .infinity {
            positive = String(repeating: "█", count: right)
        } else if value == -.infinity {
            negative = String(repeating: "█", count: left)
        }
        return (left > 0 ? negative : "") + "│" + positive
    }

    /// A bar of `length` columns in eighths: `████▍`.
    private static func eighths(_ length: Double) -> String {
        let total = Int((length * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: total / 8) + partial[total % 8]
    }

    private static func figure(_ lines: [String]) -> Figure {
        let text = lines.joined(separator: "\n")
        return Figure(text: text, html: HTMLText.pre(text))
    }
}
