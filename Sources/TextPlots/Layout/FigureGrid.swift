/// Figures laid out side by side in columns, each under an optional title.
public enum FigureGrid {
    /// Lays out `figures` row by row, `columns` per row (nil: as many as fit in `width`),
    /// `gap` spaces apart; a blank line separates rows of the grid.
    public static func render(_ figures: [Figure], titles: [String]? = nil, columns: Int? = nil,
                              width: Int, gap: Int = 3) throws -> Figure {
        if let titles, titles.count != figures.count {
            throw TextPlotsError.invalidOption(
                "grid: expected \(figures.count) titles (one per figure), found \(titles.count)")
        }
        if let columns, columns < 1 {
            throw TextPlotsError.invalidOption("grid: 'columns' must be at least 1, found \(columns)")
        }
        let cells = figures.enumerated().map { index, figure in
            (titles.map { [$0[index]] } ?? []) + figure.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
        }
        let widths = cells.map { $0.map(TextWidth.columns).max() ?? 0 }
        let perRow = columns ?? fittingColumns(widths, width: width, gap: gap)
        let textRows = stride(from: 0, to: cells.count, by: perRow).map { start in
            let range = start..<min(cells.count, start + perRow)
            return layRow(Array(cells[range]), widths: Array(widths[range]), gap: gap)
        }
        return Figure(text: textRows.joined(separator: "\n\n"),
                      html: html(figures, titles: titles, perRow: perRow))
    }

    /// The most figures per row whose widths fit in `width` (at least one).
    private static func fittingColumns(_ widths: [Int], width: Int, gap: Int) -> Int {
        var best = max(1, widths.count)
        while best > 1 {
            let rows = stride(from: 0, to: widths.count, by: best).map { Array(widths[$0..<min(widths.count, $0 + best)]) }
            let widest = rows.map { $0.reduce(0, +) + gap * ($0.count - 1) }.max() ?? 0
            if widest <= width { break }
            best -= 1
        }
        return best
    }

    private static func layRow(_ cells: [[String]], widths: [Int], gap: Int) -> String {
        let height = cells.map(\.count).max() ?? 0
        let spacer = String(repeating: " ", count: gap)
        return (0..<height).map { line in
            TextWidth.trimmingTrailingSpaces(cells.enumerated().map { index, cell in
                TextWidth.padded(line < cell.count ? cell[line] : "", to: widths[index])
            }.joined(separator: spacer))
        }.joined(separator: "\n")
    }

    private static func html(_ figures: [Figure], titles: [String]?, perRow: Int) -> String {
        let cells = figures.enumerated().map { index, figure in
            let title = titles.map { "<div><b>" + HTMLText.escape($0[index]) + "</b></div>" } ?? ""
            return "<td style=\"vertical-align:top\">" + title + (figure.html ?? HTMLText.pre(figure.text)) + "</td>"
        }
        let rows = stride(from: 0, to: cells.count, by: perRow).map { start in
            "<tr>" + cells[start..<min(cells.count, start + perRow)].joined() + "</tr>"
        }
        return "<table>" + rows.joined() + "</table>"
    }
}
