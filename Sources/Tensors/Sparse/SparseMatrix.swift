/// A matrix stored in compressed sparse row (CSR) form: only the nonzero entries are kept.
///
/// Connectivity, sharing and convolution matrices of realistic layers are far too large to
/// hold densely (figure 9.6's is 89,320 × 89,600), so they live here; `dense()` converts small
/// ones under the allocation cap.
public struct SparseMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Where each row's entries start in `columnIndices`/`values`; `rows + 1` offsets.
    public let rowStarts: [Int]
    /// The column of each stored entry, ascending within a row.
    public let columnIndices: [Int32]
    /// The value of each stored entry.
    public let values: [Double]
    /// For a weight-sharing matrix (`Layer.sharing`), how many weights the layer has: the
    /// entries are indices in 1…weightCount, and some may not appear (a weight that only ever
    /// meets the padding). Nil for every other matrix.
    public internal(set) var weightCount: Int?

    /// Creates a matrix from CSR arrays, checking that they are consistent.
    public init(rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]) throws {
        guard rows >= 0, columns >= 0, columns <= Int(Int32.max) else {
            throw TensorError.invalidArgument(
                "a sparse matrix needs 0 ≤ columns ≤ \(Int32.max) and rows ≥ 0, found \(rows)×\(columns)")
        }
        guard rowStarts.count == rows + 1, rowStarts.first == 0, rowStarts.last == values.count,
              columnIndices.count == values.count else {
            throw TensorError.invalidArgument(
                "CSR arrays disagree: \(rowStarts.count) row offsets for \(rows) rows, "
                + "\(columnIndices.count) column indices and \(values.count) values")
        }
        self.init(validatedRows: rows, columns: columns, rowStarts: rowStarts,
                  columnIndices: columnIndices, values: values)
    }

    /// Internal initialiser for arrays the builder already validated.
    init(validatedRows rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.values = values
    }

    /// `[rows, columns]`.
    public var shape: [Int] { [rows, columns] }

    /// The number of stored (nonzero) entries.
    public var nnz: Int { values.count }

    /// The fraction of entries that are stored: nnz / (rows × columns); 0 for an empty matrix.
    public var density: Double {
        let total = Double(rows) * Double(columns)
        return total == 0 ? 0 : Double(nnz) / total
    }

    /// The stored entries of row `row` as (column, value) pairs, in column order.
    public func row(_ row: Int) throws -> [(column: Int, value: Double)] {
        guard row >= 0, row < rows else {
            throw TensorError.indexOutOfRange("row \(row) is out of range for a matrix with \(rows) rows")
        }
        return (rowStarts[row]..<rowStarts[row + 1]).map { (Int(columnIndices[$0]), values[$0]) }
    }

    /// The stored entries of column `column` as (row, value) pairs, in row order (scans every row).
    public func column(_ column: Int) throws -> [(row: Int, value: Double)] {
        guard column >= 0, column < columns else {
            throw TensorError.indexOutOfRange(
                "column \(column) is out of range for a matrix with \(columns) columns")
        }
        var entries: [(row: Int, value: Double)] = []
        for row in 0..<rows {
            for entry in rowStarts[row]..<rowStarts[row + 1] where Int(columnIndices[entry]) == column {
                entries.append((row, values[entry]))
            }
        }
        return entries
    }

    /// The entry at (`row`, `column`), 0 when it is not stored.
    public func element(_ row: Int, _ column: Int) throws -> Double {
        guard column >= 0, column < columns else {
            throw TensorError.indexOutOfRange(
                "column \(column) is out of range for a matrix with \(columns) columns")
        }
        return try self.row(row).first { $0.column == column }?.value ?? 0
    }
}
