/// The axes of a line plot: data limits, the mapping from data to dots, and the framed text
/// with y tick labels on the left and x tick labels below.
struct PlotFrame {
    let xLow: Double, xHigh: Double, yLow: Double, yHigh: Double
    let yTicks: [Double]
    let labelWidth: Int
    let canvasColumns: Int
    let height: Int

    init(series: [LineSeries], width: Int, height: Int) {
        let points = series.flatMap { zip($0.x, $0.y) }.filter { $0.0.isFinite && $0.1.isFinite }
        (xLow, xHigh) = PlotFrame.limits(points.map(\.0))
        (yLow, yHigh) = PlotFrame.limits(points.map(\.1))
        self.height = height
        yTicks = AxisTicks.values(low: yLow, high: yHigh, count: max(2, height / 3))
        labelWidth = yTicks.map { NumberText.compact($0) }.map(\.count).max() ?? 1
        canvasColumns = max(4, width - labelWidth - 2)
    }

    /// Padded limits: equal values get a unit-wide range so nothing divides by zero.
    private static func limits(_ values: [Double]) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 1) }
        if high > low { return (low, high) }
        let half = low == 0 ? 1 : abs(low) / 2
        return (low - half, high + half)
    }

    func dot(x: Double, y: Double, canvas: BrailleCanvas) -> (x: Int, y: Int) {
        let column = ((x - xLow) / (xHigh - xLow) * Double(canvas.dotColumns - 1)).rounded()
        let row = ((yHigh - y) / (yHigh - yLow) * Double(canvas.dotRows - 1)).rounded()
        return (Int(column), Int(row))
    }

    /// The text row that holds the value `y`.
    private func line(of y: Double) -> Int {
        Int(((yHigh - y) / (yHigh - yLow) * Double(height * 4 - 1)).rounded()) / 4
    }

    /// The framed plot: `area` (one string per line, one character per column) with the y
    /// labels and axis on its left and the x axis below, drawn with `frame`.
    func lines(area: [String], frame: FrameGlyphs, colorAt: (Int, Int) -> Int?) -> [StyledLine] {
        var labels = [String](repeating: "", count: height)
        for tick in yTicks {
            let row = min(height - 1, max(0, line(of: tick)))
            // Two ticks on one line would put a label where its value is not; keep the first.
            if labels[row].isEmpty { labels[row] = NumberText.compact(tick) }
        }
        var lines: [StyledLine] = []
        for row in 0..<height {
            let axis = labels[row].isEmpty ? frame.vertical : frame.leftTick
            var styled = StyledLine(TextWidth.leftPadded(labels[row], to: labelWidth) + " " + String(axis))
            for (column, character) in area[row].enumerated() {
                styled.append(String(character), foreground: colorAt(column, row))
            }
            // ASCII leaves blanks where Unicode has the blank Braille pattern.
            lines.append(styled.trimmingTrailingSpaces())
        }
        lines += xAxis(columns: canvasColumns, frame: frame).map { StyledLine($0) }
        return lines
    }

    /// The bottom axis with `┬` at each x tick, and the tick labels under it.
    private func xAxis(columns: Int, frame: FrameGlyphs) -> [String] {
        let margin = String(repeating: " ", count: labelWidth + 1)
        var axis = Array(frame.rule(columns))
        var labels = ""
        for tick in AxisTicks.values(low: xLow, high: xHigh, count: max(2, columns / 12)) {
            let column = Int(((tick - xLow) / (xHigh - xLow) * Double(columns * 2 - 1)).rounded()) / 2
            let label = NumberText.compact(tick)
            let start = max(0, column - label.count / 2)
            guard column < columns, start >= TextWidth.columns(labels) + (labels.isEmpty ? 0 : 1),
                  start + label.count <= columns + 1 else { continue }
            axis[column] = frame.bottomTick
            labels = TextWidth.padded(labels, to: start) + label
        }
        return [margin + String(frame.bottomLeft) + String(axis), margin + " " + labels]
    }
}
