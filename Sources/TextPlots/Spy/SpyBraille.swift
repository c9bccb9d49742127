import Tensors

/// A large matrix on a Braille canvas: each dot stands for a square block of entries and is
/// on when any entry of the block is nonzero. Only the canvas is allocated, never the matrix.
struct SpyBraille {
    let rows: Int
    let columns: Int
    /// Entries per dot along each axis (≥ 1).
    let scale: Double
    private var canvas: BrailleCanvas
    private(set) var nonzeros = 0
    private let labelWidth: Int

    init(rows: Int, columns: Int, width: Int, maxLines: Int) {
        self.rows = rows
        self.columns = columns
        labelWidth = NumberText.grouped(max(0, rows - 1)).count
        let across = max(1, width - labelWidth - 3)
        scale = max(1, Double(columns) / Double(2 * across), Double(rows) / Double(4 * maxLines))
        let dotColumns = Int((Double(columns) / scale).rounded(.up))
        let dotRows = Int((Double(rows) / scale).rounded(.up))
        canvas = BrailleCanvas(columns: (dotColumns + 1) / 2, rows: (dotRows + 3) / 4)
    }

    /// Cells the canvas holds, for the allocation check.
    var canvasSize: Int { canvas.columns * canvas.rows }

    /// Sets a dot for every nonzero entry, checking for interrupts as it goes.
    mutating func draw(_ entries: Spy.Entries, control: ExecutionControl) throws {
        var count = 0
        var visited = 0
        var canvas = self.canvas
        let (rows, columns, scale) = (self.rows, self.columns, self.scale)
        try entries { row, column, value in
            visited += 1
            if visited & 0xFFF == 0 { try control.checkInterrupt() }
            guard row >= 0, row < rows, column >= 0, column < columns else {
                throw TextPlotsError.invalidInput(
                    "spy: entry (\(row), \(column)) lies outside the \(rows)×\(columns) matrix")
            }
            guard value != 0 else { return }
            count += 1
            canvas.set(x: Int(Double(column) / scale), y: Int(Double(row) / scale))
        }
        self.canvas = canvas
        nonzeros = count
    }

    func lines() -> [String] {
        let margin = String(repeating: " ", count: labelWidth + 1)
        let inner = canvas.columns
        let last = NumberText.grouped(max(0, columns - 1))
        var top = "0"
        if inner + 2 >= last.count + 2 { top = TextWidth.padded("0", to: inner + 2 - last.count) + last }
        var lines = [margin + top, margin + "┌" + String(repeating: "─", count: inner) + "┐"]
        for (index, text) in canvas.lines().enumerated() {
            let label = index == 0 ? "0" : (index == canvas.rows - 1 ? NumberText.grouped(rows - 1) : "")
            lines.append(TextWidth.leftPadded(label, to: labelWidth) + " │" + text + "│")
        }
        lines.append(margin + "└" + String(repeating: "─", count: inner) + "┘")
        var footer = Spy.summary(rows: rows, columns: columns, nonzeros: nonzeros)
        if scale > 1 {
            let block = NumberText.compact(scale, significant: 3)
            footer += "   1 dot ≈ \(block)×\(block) entries"
        }
        lines.append(footer)
        return lines
    }
}
