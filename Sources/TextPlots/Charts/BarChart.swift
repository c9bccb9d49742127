import WholeNumbers

/// Horizontal bar charts: one labelled bar per value, drawn in eighths of a character (whole
/// characters in ASCII), with the value after it; negative values extend left of a zero axis.
public enum BarChart {
    /// The bar chart's glyphs in each charset.
    struct Glyphs {
        /// A whole column of bar.
        let full: String
        /// Bar ends of 0/8 … 7/8 of a column; ASCII has only whole columns (`[""]`).
        let partial: [String]
        /// The zero axis.
        let axis: String

        static let unicode = Glyphs(full: "█", partial: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"], axis: "│")
        static let ascii = Glyphs(full: "#", partial: [""], axis: "|")

        static func of(_ charset: Charset) -> Glyphs {
            charset == .ascii ? ascii : unicode
        }
    }

    /// Draws `values` with `labels` (nil: 0, 1, 2, …) in at most `width` columns.
    public static func render(values: [Double], labels: [String]? = nil, title: String? = nil,
                              width: Int, charset: Charset = .unicode) throws -> Figure {
        let labels = labels?.map(charset.spell) ?? values.indices.map(String.init)
        guard labels.count == values.count else {
            throw TextPlotsError.invalidInput("bar: expected \(values.count) labels (one per value), found \(labels.count)")
        }
        guard width >= 20 else {
            throw TextPlotsError.invalidOption("bar: 'width' must be at least 20 columns, found \(width)")
        }
        let glyphs = Glyphs.of(charset)
        var lines = title.map { [charset.spell($0)] } ?? []
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
            let bar = bars(value, left: left, right: right, scale: scale, glyphs: glyphs)
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
    private static func bars(_ value: Double, left: Int, right: Int, scale: Double, glyphs: Glyphs) -> String {
        var negative = String(repeating: " ", count: left)
        var positive = String(repeating: " ", count: right)
        if value.isFinite && value > 0 {
            positive = TextWidth.padded(fractional(min(value * scale, Double(right)), glyphs: glyphs), to: right)
        } else if value.isFinite && value < 0 {
            let length = min(left, Int((-value * scale).rounded()))
            negative = String(repeating: " ", count: left - length) + String(repeating: glyphs.full, count: length)
        } else if value == .infinity {
            positive = String(repeating: glyphs.full, count: right)
        } else if value == -.infinity {
            negative = String(repeating: glyphs.full, count: left)
        }
        return (left > 0 ? negative : "") + glyphs.axis + positive
    }

    /// A bar of `length` columns in the finest steps the glyphs have: `████▍` (eighths), `####`.
    private static func fractional(_ length: Double, glyphs: Glyphs) -> String {
        let steps = glyphs.partial.count
        let total = Int((length * Double(steps)).rounded())
        return String(repeating: glyphs.full, count: total / steps) + glyphs.partial[total % steps]
    }

    private static func figure(_ lines: [String]) -> Figure {
        let text = lines.joined(separator: "\n")
        return Figure(text: text, html: HTMLText.pre(text))
    }
}
