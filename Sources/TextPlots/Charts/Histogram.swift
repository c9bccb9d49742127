/// Histograms: counts in equal-width bins over the finite values' range (numpy's
/// `np.histogram` rules: half-open bins, the last one closed), drawn as a bar chart.
public enum Histogram {
    /// The bin edges (`bins + 1` of them) and counts of `values`; non-finite values are skipped.
    public static func counts(_ values: [Double], bins: Int) throws -> (edges: [Double], counts: [Int]) {
        guard (1...1000).contains(bins) else {
            throw TextPlotsError.invalidOption("hist: 'bins' must be 1…1000, found \(bins)")
        }
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        // numpy widens an empty range by half a unit each way.
        if low == high { (low, high) = (low - 0.5, high + 0.5) }
        // A span beyond Double's range, or one the ±0.5 widening cannot open (huge equal values),
        // would make bin positions NaN (both found by fuzzing).
        guard high > low, (high - low).isFinite else {
            throw TextPlotsError.invalidInput(
                "hist: the values span \(low)…\(high), which a Double cannot split into bins; scale them first")
        }
        let edges = (0...bins).map { low + (high - low) * Double($0) / Double(bins) }
        var counts = [Int](repeating: 0, count: bins)
        for value in finite {
            var bin = min(bins - 1, Int((value - low) / (high - low) * Double(bins)))
            if bin > 0 && value < edges[bin] { bin -= 1 }
            if bin < bins - 1 && value >= edges[bin + 1] { bin += 1 }
            counts[bin] += 1
        }
        return (edges, counts)
    }

    /// Draws the histogram of `values` in `bins` bins, with one bar per bin labelled by its range.
    public static func render(_ values: [Double], bins: Int, title: String? = nil, width: Int,
                              charset: Charset = .unicode) throws -> Figure {
        let (edges, counts) = try counts(values, bins: bins)
        let labels = (0..<bins).map { bin in
            "[" + NumberText.compact(edges[bin]) + ", " + NumberText.compact(edges[bin + 1])
                + (bin == bins - 1 ? "]" : ")")
        }
        let chart = try BarChart.render(values: counts.map(Double.init), labels: labels, title: title, width: width,
                                        charset: charset)
        let skipped = values.count { !$0.isFinite }
        var footer = "\(NumberText.grouped(values.count - skipped)) values in \(bins) bins"
        if skipped > 0 { footer += ", \(NumberText.grouped(skipped)) not finite (skipped)" }
        let text = chart.text + "\n" + footer
        return Figure(text: text, html: HTMLText.pre(text))
    }
}
