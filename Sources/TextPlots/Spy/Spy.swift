import Tensors

/// Spy plots: where a matrix is nonzero. Small matrices become a grid of `●`/`·` (`#`/`.` in
/// ASCII; or letters for weight-sharing matrices) with unit labels; large ones a Braille canvas
/// (an ASCII density ramp) with extents and the count of nonzeros. Sparse matrices are read
/// entry by entry and never made dense.
public enum Spy {
    /// Calls `visit(row, column, value)` once for each stored entry of a matrix; entries not
    /// visited are zero. Stored zeros are allowed and count as zero.
    public typealias Entries = (_ visit: (Int, Int, Double) throws -> Void) throws -> Void

    /// Draws a rank-2 tensor (a rank-1 tensor as one row); `control` interrupts the drawing
    /// and caps the canvas.
    public static func render(_ tensor: Tensor, options: SpyOptions, sessionWidth: Int,
                              control: ExecutionControl) throws -> Figure {
        guard tensor.rank == 1 || tensor.rank == 2 else {
            throw TextPlotsError.invalidInput(
                "spy: expected a matrix (rank 2) or a vector, found "
                    + (tensor.rank == 0 ? "a scalar" : "shape \(Tensor.describe(tensor.shape))"))
        }
        let columns = tensor.shape[tensor.rank - 1]
        let rows = tensor.rank == 2 ? tensor.shape[0] : 1
        return try render(rows: rows, columns: columns, entries: { visit in
            for (offset, value) in tensor.scalars.enumerated() where value != 0 {
                try visit(offset / columns, offset % columns, value)
            }
        }, options: options, sessionWidth: sessionWidth, control: control)
    }

    /// Draws the `rows`×`columns` matrix whose stored entries `entries` enumerates; `control`
    /// interrupts the drawing and caps the canvas.
    public static func render(rows: Int, columns: Int, entries: Entries, options: SpyOptions,
                              sessionWidth: Int, control: ExecutionControl) throws -> Figure {
        try validate(rows: rows, columns: columns, options: options)
        let width = options.width ?? sessionWidth
        let charset = options.charset
        var lines = options.title.map { [charset.spell($0)] } ?? []
        let small = rows <= options.gridLimit && columns <= options.gridLimit
        if rows == 0 || columns == 0 {
            lines.append(charset.spell(summary(rows: rows, columns: columns, nonzeros: 0) + "   (empty: nothing to draw)"))
        } else if small {
            let grid = try SpyGrid(rows: rows, columns: columns, entries: entries, options: options)
            lines += grid.lines(width: width)
        } else {
            guard !options.letters else {
                throw TextPlotsError.invalidInput(
                    "spy: letters draw one letter per entry and need at most \(options.gridLimit)×"
                        + "\(options.gridLimit) entries, found \(NumberText.grouped(rows))×"
                        + "\(NumberText.grouped(columns)); omit 'letters:' to see the pattern")
            }
            var plot = SpyBraille(rows: rows, columns: columns, width: width,
                                  maxLines: options.height ?? 24, charset: charset)
            try control.checkAllocation(plot.canvasSize)
            try plot.draw(entries, control: control)
            lines += plot.lines()
        }
        let text = lines.joined(separator: "\n")
        return Figure(text: text, html: HTMLText.pre(text))
    }

    private static func validate(rows: Int, columns: Int, options: SpyOptions) throws {
        guard rows >= 0, columns >= 0 else {
            throw TextPlotsError.invalidInput("spy: expected a non-negative shape, found \(rows)×\(columns)")
        }
        if let labels = options.rowLabels, labels.count != rows {
            throw TextPlotsError.invalidOption("spy: expected \(rows) row labels, found \(labels.count)")
        }
        if let labels = options.columnLabels, labels.count != columns {
            throw TextPlotsError.invalidOption("spy: expected \(columns) column labels, found \(labels.count)")
        }
        guard (0...100).contains(options.gridLimit) else {
            throw TextPlotsError.invalidOption("spy: 'grid_limit' must be 0…100, found \(options.gridLimit)")
        }
        if let width = options.width, width < 20 {
            throw TextPlotsError.invalidOption("spy: 'width' must be at least 20 columns, found \(width)")
        }
        if let height = options.height, height < 2 {
            throw TextPlotsError.invalidOption("spy: 'height' must be at least 2 lines, found \(height)")
        }
    }

    /// `178,640 ≠ 0   density 0.0022%` for a matrix of `rows`×`columns`.
    static func summary(rows: Int, columns: Int, nonzeros: Int) -> String {
        let total = Double(rows) * Double(columns)
        let density = total > 0 ? NumberText.compact(100 * Double(nonzeros) / total, significant: 2) : "0"
        return "\(NumberText.grouped(rows))×\(NumberText.grouped(columns))   "
            + "\(NumberText.grouped(nonzeros)) ≠ 0   density \(density)%"
    }
}
