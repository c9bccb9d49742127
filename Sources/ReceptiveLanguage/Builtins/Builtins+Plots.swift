import Tensors
import TextPlots

extension Builtins {
    /// The builtins that draw figures (docs/language.md#plots).
    static var plots: [Builtin] {
        [heatmap, spy, lineplot, bar, hist, grid, table]
    }

    private static var heatmap: Builtin {
        Builtin("heatmap", [
            Parameter("t"),
            Parameter("width", kind: .namedOnly, default: Value.none),
            Parameter("height", kind: .namedOnly, default: Value.none),
            Parameter("ramp", kind: .namedOnly, default: .string("blocks")),
            Parameter("zlim", kind: .namedOnly, default: Value.none),
            Parameter("title", kind: .namedOnly, default: Value.none),
            Parameter("color", kind: .namedOnly, default: .bool(false)),
            charsetParameter,
        ], summary: "Draws a rank-2 tensor (rank 3: channels side by side) with a character ramp and a legend.",
        details: """
            ramp: "blocks" (shaded blocks), "ascii" (the characters  .:-=+*#%@) or "half" (half
            blocks, two rows per line). Data straddling 0 uses a diverging ramp (circles below 0,
            shades above; -=oO and .:+#@ in ASCII). Inputs larger than the box are averaged in
            square blocks; the legend says how many values a cell holds. zlim: (low, high) fixes
            the scale. color: true adds ANSI/HTML colour. charset: "ascii" draws every ramp as
            "ascii" in a +-| frame.
            """) { arguments, context in
            let ramp = try choice(arguments, "ramp", HeatmapOptions.Ramp.self)
            var options = HeatmapOptions(ramp: ramp, color: try arguments.bool("color"),
                                         charset: try charset(arguments, context))
            options.width = try optionalInteger(arguments, "width")
            options.height = try optionalInteger(arguments, "height")
            options.title = arguments.has("title") ? try arguments.string("title") : nil
            if arguments.has("zlim") { options.zlim = try range(arguments, "zlim") }
            let tensor = try arguments.tensor("t")
            return try drawing {
                try Heatmap.render(tensor, options: options, sessionWidth: context.renderOptions.width,
                                   control: context.control)
            }
        }
    }

    private static var spy: Builtin {
        Builtin("spy", [
            Parameter("m"),
            Parameter("row_labels", kind: .namedOnly, default: Value.none),
            Parameter("column_labels", kind: .namedOnly, default: Value.none),
            Parameter("letters", kind: .namedOnly, default: .bool(false)),
            Parameter("grid_limit", kind: .namedOnly, default: .number(40)),
            Parameter("width", kind: .namedOnly, default: Value.none),
            Parameter("height", kind: .namedOnly, default: Value.none),
            Parameter("title", kind: .namedOnly, default: Value.none),
            charsetParameter,
        ], summary: "Shows where a matrix is nonzero: a grid of marks with unit labels, or a dot canvas when large.",
        details: """
            Up to grid_limit × grid_limit entries draw as a grid of marks, filled for nonzero
            and dotted for zero (# and . in ASCII); labels are a list of strings or a prefix ("s"
            gives s1, s2, …, numbered from 1 like the book's figures); sparse matrices (outputs ×
            inputs) are labelled s1… and x1… unless told otherwise. letters: true draws weight
            indices as letters (1 → a, 2 → b, …) for matrices from sharing(). Larger matrices draw
            on a Braille canvas (in ASCII, a density ramp) with extents, the nonzero count and density.
            """) { arguments, context in
            let width = context.renderOptions.width
            if case .sparse(let matrix) = arguments.value("m") {
                var options = try spyOptions(arguments, context, rows: matrix.rows, columns: matrix.columns)
                // Sparse matrices are outputs × inputs (connectivity, sharing, as_matrix), so the
                // book's unit names are the natural default.
                if matrix.rows <= options.gridLimit && matrix.columns <= options.gridLimit {
                    options.rowLabels = options.rowLabels ?? (0..<matrix.rows).map { "s\($0 + 1)" }
                    options.columnLabels = options.columnLabels ?? (0..<matrix.columns).map { "x\($0 + 1)" }
                }
                return try drawing { try Spy.render(matrix, options: options, sessionWidth: width,
                                                    control: context.control) }
            }
            let tensor = try arguments.tensor("m")
            let rows = tensor.rank == 2 ? tensor.shape[0] : 1
            let columns = tensor.shape.last ?? 1
            let options = try spyOptions(arguments, context, rows: rows, columns: columns)
            return try drawing { try Spy.render(tensor, options: options, sessionWidth: width,
                                                control: context.control) }
        }
    }

    /// The options of `spy` for a `rows`×`columns` matrix (shared by dense and sparse inputs).
    static func spyOptions(_ arguments: BoundArguments, _ context: any BuiltinContext,
                           rows: Int, columns: Int) throws -> SpyOptions {
        var options = SpyOptions(letters: try arguments.bool("letters"), charset: try charset(arguments, context))
        options.rowLabels = try labels(arguments, "row_labels", count: rows)
        options.columnLabels = try labels(arguments, "column_labels", count: columns)
        options.gridLimit = try arguments.integer("grid_limit")
        options.width = try optionalInteger(arguments, "width")
        options.height = try optionalInteger(arguments, "height")
        options.title = arguments.has("title") ? try arguments.string("title") : nil
        return options
    }

    /// Unit labels: a list of strings, or a prefix numbered from 1 (`"x"` → x1, x2, …).
    static func labels(_ arguments: BoundArguments, _ name: String, count: Int) throws -> [String]? {
        switch arguments.value(name) {
        case .none:
            return nil
        case .string(let prefix):
            return (0..<count).map { prefix + String($0 + 1) }
        case .list(let items), .tuple(let items):
            return try items.map { item in
                guard case .string(let text) = item else {
                    throw arguments.typeError(name, expected: "a list of strings", found: item)
                }
                return text
            }
        case let other:
            throw arguments.typeError(name, expected: "a list of strings or a prefix string", found: other)
        }
    }
}
