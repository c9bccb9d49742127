/// Accumulates a CSR matrix one row at a time; entries of a row may arrive in any order and
/// repeated columns are combined (summed, or the first kept).
struct SparseMatrixBuilder {
    /// How repeated (row, column) entries combine.
    enum Combine {
        /// Add the values (matrix of a layer whose wrapped kernel visits a column twice).
        case sum
        /// Keep the first value (weight indices).
        case first
    }

    private let columns: Int
    private let combine: Combine
    private var rowStarts: [Int] = [0]
    private var columnIndices: [Int32] = []
    private var values: [Double] = []
    private var pending: [(column: Int32, value: Double)] = []

    /// Starts an empty matrix with `columns` columns, reserving room for `capacity` entries.
    init(columns: Int, combine: Combine, capacity: Int = 0) {
        self.columns = columns
        self.combine = combine
        columnIndices.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds an entry to the current row.
    mutating func append(column: Int, value: Double) {
        pending.append((Int32(column), value))
    }

    /// Closes the current row, sorting its entries and combining repeated columns.
    mutating func finishRow() {
        if !isSorted() { pending.sort { $0.column < $1.column } }
        var last: Int32 = -1
        for (column, value) in pending {
            if column == last {
                if combine == .sum { values[values.count - 1] += value }
            } else {
                columnIndices.append(column)
                values.append(value)
                last = column
            }
        }
        pending.removeAll(keepingCapacity: true)
        rowStarts.append(values.count)
    }

    /// The finished matrix.
    func build() -> SparseMatrix {
        SparseMatrix(validatedRows: rowStarts.count - 1, columns: columns, rowStarts: rowStarts,
                     columnIndices: columnIndices, values: values)
    }

    private func isSorted() -> Bool {
        var previous: Int32 = -1
        for entry in pending {
            if entry.column < previous { return false }
            previous = entry.column
        }
        return true
    }
}
