import Tensors

/// Sparse matrices as results, the way Julia shows a `SparseMatrixCSC`: a summary line
/// (`sparse 5×5, nnz 13, density 0.52`), then, when the matrix is small enough to read, its
/// rows with every stored entry as numpy would print it and `·` (`.` in ASCII) for each entry
/// that is not stored (a structural zero; a stored 0 prints as `0.`).
public enum SparseMatrixFormatter {
    /// The most rows shown as a grid; taller matrices show the summary line alone.
    public static let maxRows = 40

    /// The matrix as text (and the same text as an HTML `<pre>`), in `options`' precision,
    /// width and charset; the grid is left out when it has more than `maxRows` rows or its
    /// lines would be wider than `options.width`.
    public static func render(_ matrix: SparseMatrix, options: RenderOptions) -> Figure {
        let text = format(matrix, options: options)
        return Figure(text: text, html: HTMLText.pre(text))
    }

    /// The summary line alone, as the matrix reads inside other values.
    public static func summary(_ matrix: SparseMatrix) -> String {
        // The density as the language writes numbers: 1 and 0 whole, others shortest round-trip.
        let density = matrix.density
        let written = density == density.rounded() ? String(Int(density)) : "\(density)"
        return "sparse \(Tensor.describe(matrix.shape)), nnz \(matrix.nnz), density \(written)"
    }

    static func format(_ matrix: SparseMatrix, options: RenderOptions) -> String {
        let header = options.charset.spell(summary(matrix))
        let format = ScalarFormat(values: matrix.values, precision: options.precision)
        let lineWidth = 1 + matrix.columns * (format.width + 1)
        guard matrix.rows > 0, matrix.columns > 0, matrix.rows <= maxRows, lineWidth <= options.width else {
            return header
        }
        let dot = options.charset == .ascii ? "." : "·"
        let empty = String(repeating: " ", count: format.unitsColumn) + dot
            + String(repeating: " ", count: format.width - format.unitsColumn - 1)
        var lines = [header]
        for row in 0..<matrix.rows {
            var cells = [String](repeating: empty, count: matrix.columns)
            for entry in matrix.rowStarts[row]..<matrix.rowStarts[row + 1] {
                cells[Int(matrix.columnIndices[entry])] = format(matrix.values[entry])
            }
            lines.append(TextWidth.trimmingTrailingSpaces(" " + cells.joined(separator: " ")))
        }
        return lines.joined(separator: "\n")
    }
}
