/// One cell of a table: text (left-aligned) or a number (right-aligned, thousands grouped).
public enum TableCell: Sendable, Equatable {
    /// Text shown as is.
    case text(String)
    /// A number, formatted with `NumberText.tableCell`.
    case number(Double)

    var rendered: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return NumberText.tableCell(value)
        }
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }
}

/// Tables: aligned columns under a header rule, numbers right-aligned with thousands separators.
public enum Table {
    /// Draws `rows` under `headers` (no header lines when `headers` is empty); a column whose
    /// cells are all numbers is right-aligned. Rows shorter than the header are padded with blanks.
    /// In ASCII the header rule is `-` and the text is spelt in ASCII before it is aligned.
    public static func render(headers: [String], rows: [[TableCell]], title: String? = nil,
                              charset: Charset = .unicode) throws -> Figure {
        let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
        if !headers.isEmpty, let long = rows.firstIndex(where: { $0.count > headers.count }) {
            throw TextPlotsError.invalidInput(
                "table: row \(long) has \(rows[long].count) cells but there are \(headers.count) headers")
        }
        let padded = rows.map { $0 + Array(repeating: TableCell.text(""), count: columnCount - $0.count) }
        let texts = padded.map { $0.map { charset.spell($0.rendered) } }
        let title = title.map(charset.spell)
        let numeric = (0..<columnCount).map { column in
            padded.allSatisfy { $0[column].isNumber || $0[column] == .text("") }
                && padded.contains { $0[column].isNumber }
        }
        let headerTexts = headers.isEmpty ? []
            : headers.map(charset.spell) + Array(repeating: "", count: columnCount - headers.count)
        let widths = (0..<columnCount).map { column in
            ([headerTexts.isEmpty ? "" : headerTexts[column]] + texts.map { $0[column] })
                .map(TextWidth.columns).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            TextWidth.trimmingTrailingSpaces(cells.enumerated().map { column, text in
                numeric[column] ? TextWidth.leftPadded(text, to: widths[column])
                    : TextWidth.padded(text, to: widths[column])
            }.joined(separator: "   "))
        }
        var lines = title.map { [$0] } ?? []
        if !headerTexts.isEmpty {
            lines.append(line(headerTexts))
            lines.append(line(widths.map(FrameGlyphs.of(charset).rule)))
        }
        lines += texts.map(line)
        let html = tableHTML(title: title, headers: headerTexts, rows: texts, numeric: numeric)
        return Figure(text: lines.joined(separator: "\n"), html: html)
    }

    private static func tableHTML(title: String?, headers: [String], rows: [[String]], numeric: [Bool]) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let style = numeric[column] ? " style=\"text-align:right\"" : ""
            return "<\(tag)\(style)>" + HTMLText.escape(text) + "</\(tag)>"
        }
        var html = "<table>"
        if let title { html += "<caption>" + HTMLText.escape(title) + "</caption>" }
        if !headers.isEmpty {
            html += "<thead><tr>" + headers.enumerated().map { cell("th", $1, $0) }.joined() + "</tr></thead>"
        }
        html += "<tbody>" + rows.map { row in
            "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>"
        }.joined() + "</tbody></table>"
        return html
    }
}
