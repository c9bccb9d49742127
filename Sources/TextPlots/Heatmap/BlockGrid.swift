import Tensors

/// A matrix shrunk by averaging square blocks of `factor`×`factor` cells (edge blocks average
/// the cells they have), so that a large input fits the box without hiding any cell.
struct BlockGrid {
    let rows: Int
    let columns: Int
    let factor: Int
    let values: [Double]

    /// Averages `source` (row-major, `sourceRows`×`sourceColumns`) in blocks of `factor`,
    /// checking `control` for an interrupt at every row.
    init(source: ArraySlice<Double>, sourceRows: Int, sourceColumns: Int, factor: Int,
         control: ExecutionControl) throws {
        self.factor = max(1, factor)
        rows = (sourceRows + self.factor - 1) / self.factor
        columns = (sourceColumns + self.factor - 1) / self.factor
        guard self.factor > 1 else {
            values = Array(source)
            return
        }
        var sums = [Double](repeating: 0, count: rows * columns)
        var counts = [Int](repeating: 0, count: rows * columns)
        let base = source.startIndex
        for row in 0..<sourceRows {
            try control.checkInterrupt()
            let blockRow = (row / self.factor) * columns
            for column in 0..<sourceColumns {
                let block = blockRow + column / self.factor
                sums[block] += source[base + row * sourceColumns + column]
                counts[block] += 1
            }
        }
        values = zip(sums, counts).map { $0 / Double(max(1, $1)) }
    }

    /// The value of block (`row`, `column`); nil outside the grid.
    func value(row: Int, column: Int) -> Double? {
        guard row >= 0, row < rows, column >= 0, column < columns else { return nil }
        return values[row * columns + column]
    }
}
