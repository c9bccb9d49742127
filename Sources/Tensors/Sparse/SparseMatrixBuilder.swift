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
    private var lastColumn = -1
    private var rowIsOrdered = true

    /// Starts an empty matrix with `columns` columns, reserving room for `capacity` entries.
    init(columns: Int, combine: Combine, capacity: Int = 0) {
        self.columns = columns
        self.combine = combine
        columnIndices.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds an entry to the current row.
    @inline(__always)
    mutating func append(column: Int, value: Double) {
        // Entries usually arrive in ascending order; only wrapped kernels need the repair below.
        if column <= lastColumn { rowIsOrdered = false }
        lastColumn = column
        columnIndices.append(Int32(truncatingIfNeeded: column))
        values.append(value)
    }

    /// Closes the current row, sorting its entries and combining repeated columns if needed.
    mutating func finishRow() {
        if !rowIsOrdered { repairRow() }
        rowStarts.append(values.count)
        lastColumn = -1
        rowIsOrdered = true
    }

    /// The finished matrix.
    func build() -> SparseMatrix {
        SparseMatrix(validatedRows: rowStarts.count - 1, columns: columns, rowStarts: rowStarts,
                     columnIndices: columnIndices, values: values)
    }

    private mutating func repairRow() {
        let start = rowStarts[rowStarts.count - 1]
        let entries = (start..<values.count).map { (column: columnIndices[$0], value: values[$0], order: $0) }
            .sorted { ($0.column, $0.order) < ($1.column, $1.order) }
        columnIndices.removeSubrange(start...)
        values.removeSubrange(start...)
        for entry in entries {
            if let last = columnIndices.last, columnIndices.count > start, last == entry.column {
                if combine == .sum { values[values.count - 1] += entry.value }
            } else {
                columnIndices.append(entry.column)
                values.append(entry.value)
            }
        }
    }
}
