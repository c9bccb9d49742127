import Tensors

/// A large matrix on a Braille canvas: each dot stands for a square block of entries and is
/// on when any entry of the block is nonzero. In ASCII each character shows how many of its
/// 2×4 blocks are on with a density ramp instead. Only the canvas is allocated, never the matrix.
struct SpyBraille {
    let rows: Int
    let columns: Int
    /// Entries per dot along each axis (≥ 1).
    let scale: Double
    private var canvas: BrailleCanvas
    private(set) var nonzeros = 0
    private let labelWidth: Int
    private let charset: Charset

    init(rows: Int, columns: Int, width: Int, maxLines: Int, charset: Charset) {
        self.rows = rows
        self.columns = columns
        self.charset = charset
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
        let frame = FrameGlyphs.of(charset)
        let density = SpyGlyphs.of(charset).density
        let inner = canvas.columns
        let last = NumberText.grouped(max(0, columns - 1))
        var top = "0"
        if inner + 2 >= last.count + 2 { top = TextWidth.padded("0", to: inner + 2 - last.count) + last }
        var lines = [margin + top, margin + frame.top(inner)]
        let texts = density.map { canvas.lines(ramp: $0) } ?? canvas.lines()
        for (index, text) in texts.enumerated() {
            let label = index == 0 ? "0" : (index == canvas.rows - 1 ? NumberText.grouped(rows - 1) : "")
            lines.append(TextWidth.leftPadded(label, to: labelWidth) + " " + String(frame.vertical) + text
                + String(frame.vertical))
        }
        lines.append(margin + frame.bottom(inner))
        let summary = Spy.summary(rows: rows, columns: columns, nonzeros: nonzeros)
        let block = NumberText.compact(scale, significant: 3)
        if let density {
            // The ramp stands for the dots a Braille character would show, so the legend says
            // what one character covers and what its darkness counts.
            let ramp = String(density.dropFirst())
            lines.append(charset.spell(summary))
            lines.append(scale > 1
                ? "1 character = 2x4 blocks of \(block)x\(block) entries; \(ramp) = 1...8 blocks nonzero"
                : "1 character = 2x4 entries; \(ramp) = 1...8 of them nonzero")
        } else {
            lines.append(summary + (scale > 1 ? "   1 dot ≈ \(block)×\(block) entries" : ""))
        }
        return lines
    }
}
