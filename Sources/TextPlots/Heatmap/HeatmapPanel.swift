/// One framed map: column ticks, a box-drawing frame, row labels and the cells.
struct HeatmapPanel {
    let grid: BlockGrid
    let scale: HeatmapScale
    let color: Bool
    let frame: FrameGlyphs
    /// Source extents, for the tick labels.
    let sourceRows: Int
    let sourceColumns: Int

    var cellWidth: Int { scale.ramp == .half ? 1 : 2 }
    var rowsPerLine: Int { scale.ramp == .half ? 2 : 1 }
    var lineCount: Int { (grid.rows + rowsPerLine - 1) / rowsPerLine }
    var labelWidth: Int { String(max(0, sourceRows - 1)).count }
    var mapWidth: Int { grid.columns * cellWidth }
    /// Total width in columns.
    var width: Int { labelWidth + 1 + mapWidth + 2 }

    /// The panel's lines, all `width` columns wide.
    func lines() -> [StyledLine] {
        let margin = String(repeating: " ", count: labelWidth + 1)
        var lines = [StyledLine(TextWidth.padded(margin + " " + columnTicks(), to: width))]
        lines.append(StyledLine(margin + frame.top(mapWidth)))
        let labelEvery = lineCount <= 12 ? 1 : 5
        for line in 0..<lineCount {
            let label = line % labelEvery == 0 ? String(line * rowsPerLine * grid.factor) : ""
            var styled = StyledLine(TextWidth.leftPadded(label, to: labelWidth) + " " + String(frame.vertical))
            styled.append(cells(line: line))
            styled.append(String(frame.vertical))
            lines.append(styled)
        }
        lines.append(StyledLine(margin + frame.bottom(mapWidth)))
        return lines
    }

    /// Labels of source column indices, at the cells where those columns start.
    private func columnTicks() -> String {
        let widest = String(max(0, sourceColumns - 1)).count
        let steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
        let step = steps.first { $0 * cellWidth >= widest + 1 } ?? 1000
        var text = ""
        for block in stride(from: 0, to: grid.columns, by: step) {
            let label = String(block * grid.factor)
            let position = block * cellWidth
            guard position + label.count <= mapWidth else { break }
            text = TextWidth.padded(text, to: position) + label
        }
        return text
    }

    private func cells(line: Int) -> StyledLine {
        var styled = StyledLine()
        for column in 0..<grid.columns {
            if scale.ramp == .half {
                let (text, foreground, background) = halfCell(line: line, column: column)
                styled.append(text, foreground: foreground, background: background)
            } else {
                let value = grid.value(row: line, column: column) ?? .nan
                let mark = scale.character(value)
                styled.append(mark + mark, foreground: color ? scale.color(value) : nil)
            }
        }
        return styled
    }

    private func halfCell(line: Int, column: Int) -> (String, Int?, Int?) {
        let top = grid.value(row: 2 * line, column: column) ?? .nan
        let bottom = grid.value(row: 2 * line + 1, column: column)
        if !top.isFinite { return (HeatmapScale.special(top), nil, nil) }
        if let bottom, !bottom.isFinite { return (HeatmapScale.special(bottom), nil, nil) }
        if color {
            return ("▀", scale.color(top), bottom.flatMap { scale.color($0) })
        }
        switch (scale.isOn(top), bottom.map { scale.isOn($0) } ?? false) {
        case (true, true): return ("█", nil, nil)
        case (true, false): return ("▀", nil, nil)
        case (false, true): return ("▄", nil, nil)
        case (false, false): return (" ", nil, nil)
        }
    }
}
