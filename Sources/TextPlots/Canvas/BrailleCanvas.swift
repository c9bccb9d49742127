/// A grid of Braille characters, each holding 2×4 dots, addressed by dot coordinates with
/// (0, 0) at the top left.
struct BrailleCanvas {
    /// Width in characters.
    let columns: Int
    /// Height in characters.
    let rows: Int
    private var cells: [UInt8]

    init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        cells = [UInt8](repeating: 0, count: self.columns * self.rows)
    }

    /// Width in dots.
    var dotColumns: Int { columns * 2 }
    /// Height in dots.
    var dotRows: Int { rows * 4 }

    /// Turns on the dot at (`x`, `y`); dots outside the canvas are ignored.
    mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        cells[(y / 4) * columns + x / 2] |= BrailleCanvas.bit(x: x % 2, y: y % 4)
    }

    /// One line of text per character row (blank cells are the empty Braille pattern U+2800,
    /// which keeps the columns aligned in every font).
    func lines() -> [String] {
        (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let pattern = UInt32(cells[row * columns + column])
                line.unicodeScalars.append(Unicode.Scalar(0x2800 + pattern) ?? " ")
            }
            return line
        }
    }

    /// One line of text per character row, each character the entry of `ramp` (nine long)
    /// for its number of dots on: the ASCII stand-in for Braille.
    func lines(ramp: [Character]) -> [String] {
        (0..<rows).map { row in
            String((0..<columns).map { column in
                ramp[min(ramp.count - 1, cells[row * columns + column].nonzeroBitCount)]
            })
        }
    }

    // Unicode Braille numbers dots 1-2-3 down the left, 4-5-6 down the right, then 7 and 8.
    private static func bit(x: Int, y: Int) -> UInt8 {
        let table: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        return table[x][y]
    }
}
