/// A small matrix as a grid: `●` where nonzero and `·` where zero (`#` and `.` in ASCII; or a
/// letter per weight index), with row labels on the left and column labels on top.
struct SpyGrid {
    let rows: Int
    let columns: Int
    private let cells: [Double]
    private let options: SpyOptions
    private let glyphs: SpyGlyphs
    private(set) var nonzeros = 0

    init(rows: Int, columns: Int, entries: Spy.Entries, options: SpyOptions) throws {
        self.rows = rows
        self.columns = columns
        self.options = options
        glyphs = .of(options.charset)
        var cells = [Double](repeating: 0, count: rows * columns)
        try entries { row, column, value in
            guard row >= 0, row < rows, column >= 0, column < columns else {
                throw TextPlotsError.invalidInput(
                    "spy: entry (\(row), \(column)) lies outside the \(rows)×\(columns) matrix")
            }
            cells[row * columns + column] = value
        }
        self.cells = cells
        nonzeros = cells.count { $0 != 0 }
        if options.letters { try cells.forEach { if $0 != 0 { _ = try SpyGrid.letter($0) } } }
    }

    func lines(width: Int) -> [String] {
        let charset = options.charset
        let rowLabels = options.rowLabels?.map(charset.spell) ?? (0..<rows).map(String.init)
        let columnLabels = options.columnLabels?.map(charset.spell) ?? (0..<columns).map(String.init)
        let labelWidth = rowLabels.map(TextWidth.columns).max() ?? 0
        let widest = columnLabels.map(TextWidth.columns).max() ?? 1
        let across = max(1, widest)
        let horizontal = labelWidth + 1 + columns * (across + 1) <= width
        let cellWidth = horizontal ? across : 1
        let margin = String(repeating: " ", count: labelWidth)
        var lines = horizontal
            ? [margin + columnLabels.map { " " + TextWidth.leftPadded($0, to: cellWidth) }.joined()]
            : verticalLabels(columnLabels, margin: margin)
        for row in 0..<rows {
            var line = TextWidth.padded(rowLabels[row], to: labelWidth)
            for column in 0..<columns {
                let mark = (try? mark(cells[row * columns + column])) ?? "?"
                line += " " + TextWidth.leftPadded(mark, to: cellWidth)
            }
            lines.append(line)
        }
        lines.append(footer())
        return lines.map(TextWidth.trimmingTrailingSpaces)
    }

    /// Column labels written top to bottom, one character per line, aligned at the bottom.
    private func verticalLabels(_ labels: [String], margin: String) -> [String] {
        let characters = labels.map { Array($0) }
        let height = characters.map(\.count).max() ?? 0
        return (0..<height).map { line in
            margin + characters.map { label in
                let index = line - (height - label.count)
                return " " + (index >= 0 ? String(label[index]) : " ")
            }.joined()
        }
    }

    private func mark(_ value: Double) throws -> String {
        guard value != 0 else { return glyphs.zero }
        return options.letters ? try SpyGrid.letter(value) : glyphs.nonzero
    }

    private func footer() -> String {
        var text = Spy.summary(rows: rows, columns: columns, nonzeros: nonzeros)
        if options.letters { text += weightLegend() }
        return options.charset.spell(text)
    }

    /// How many weights the layer has, how many the picture uses, and which letters they are:
    /// `18 weights, 16 in the picture: b…q = weights 2…17`.
    private func weightLegend() -> String {
        let used = Set(cells.filter { $0 != 0 }.map { Int($0) }).sorted()
        guard !used.isEmpty else { return "" }
        var runs: [ClosedRange<Int>] = []
        for index in used {
            if let last = runs.last, last.upperBound == index - 1 {
                runs[runs.count - 1] = last.lowerBound...index
            } else {
                runs.append(index...index)
            }
        }
        func listed(_ name: (Int) -> String) -> String {
            runs.map { $0.count == 1 ? name($0.lowerBound) : name($0.lowerBound) + "…" + name($0.upperBound) }
                .joined(separator: ", ")
        }
        let letters = listed { (try? SpyGrid.letter(Double($0))) ?? "?" }
        let key = "\(letters) = weight\(used.count == 1 ? "" : "s") \(listed(String.init))"
        func count(_ number: Int) -> String { "\(number) weight\(number == 1 ? "" : "s")" }
        guard let total = options.weightCount else { return "   \(count(used.count)) in the picture: \(key)" }
        let share = used.count == total ? (total == 1 ? "in the picture" : "all in the picture") : "\(used.count) in the picture"
        return "   \(count(total)), \(share): \(key)"
    }

    /// The letter for weight index `value`: 1 → a … 26 → z, 27 → A … 52 → Z (0 is no weight).
    static func letter(_ value: Double) throws -> String {
        guard value == value.rounded(), value >= 1, value <= 52 else {
            throw TextPlotsError.invalidInput(
                "spy: letters stand for weight indices 1…52, found \(NumberText.compact(value, significant: 6)); "
                    + "omit 'letters:' for matrices that are not weight-sharing indices")
        }
        let index = Int(value) - 1
        let base = index < 26 ? UInt32(UInt8(ascii: "a")) + UInt32(index) : UInt32(UInt8(ascii: "A")) + UInt32(index - 26)
        return Unicode.Scalar(base).map { String(Character($0)) } ?? "?"
    }
}
