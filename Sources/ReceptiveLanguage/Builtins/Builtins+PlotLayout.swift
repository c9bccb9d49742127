import Tensors
import TextPlots

extension Builtins {
    static var grid: Builtin {
        Builtin("grid", [
            Parameter("values", kind: .variadic),
            Parameter("columns", kind: .namedOnly, default: Value.none),
            Parameter("titles", kind: .namedOnly, default: Value.none),
            charsetParameter,
        ], summary: "Lays values (tensors, plots, anything) side by side, each under an optional title.",
        details: """
            columns: figures per row (default: as many as fit the width). titles: one string per
            value. charset: how the values that are not plots yet are drawn (plots keep theirs).
            """) {
            arguments, context in
            var options = context.renderOptions
            options.charset = try charset(arguments, context)
            let figures = arguments.variadic.map { value in
                // A string in a grid is a caption, shown as written rather than as a quoted result.
                if case .string(let text) = value { return Figure(text: text, html: HTMLText.pre(text)) }
                return value.rendered(options: options)
            }
            let titles = try labels(arguments, "titles", count: figures.count)?.map(options.charset.spell)
            let columns = try optionalInteger(arguments, "columns")
            return try drawing {
                try FigureGrid.render(figures, titles: titles, columns: columns, width: context.renderOptions.width)
            }
        }
    }

    static var table: Builtin {
        Builtin("table", [
            Parameter("value"),
            Parameter("headers", kind: .namedOnly, default: Value.none),
            Parameter("title", kind: .namedOnly, default: Value.none),
            charsetParameter,
        ], summary: "Shows a record, a list of records, a list of rows or a matrix as aligned columns.",
        details: """
            A record gives one line per field; a list of records one line per record with a column
            per field; a list of lists or a matrix one line per row. Numbers are right-aligned with
            thousands separators. headers: replaces the column names.
            """) { arguments, context in
            var (headers, rows) = try tableContents(arguments.value("value"), arguments: arguments)
            if arguments.has("headers") {
                headers = try labels(arguments, "headers", count: headers.count) ?? headers
            }
            let title = arguments.has("title") ? try arguments.string("title") : nil
            let charset = try charset(arguments, context)
            return try drawing { try Table.render(headers: headers, rows: rows, title: title, charset: charset) }
        }
    }

    /// Headers and rows for `table`.
    private static func tableContents(_ value: Value, arguments: BoundArguments) throws -> ([String], [[TableCell]]) {
        switch value {
        case .record(let record):
            if let form = record.tableForm { return (form.headers, form.rows) }
            return (["field", "value"], record.fields.map { [.text($0.name), Record.cell($0.value)] })
        case .list(let items) where items.allSatisfy({ if case .record = $0 { true } else { false } }):
            let records = items.compactMap { if case .record(let record) = $0 { record } else { nil } }
            var names: [String] = []
            for record in records { for field in record.fields where !names.contains(field.name) { names.append(field.name) } }
            return (names, records.map { record in names.map { record[$0].map(Record.cell) ?? .text("") } })
        case .list(let items), .tuple(let items):
            return ([], items.map { item in
                switch item {
                case .list(let cells), .tuple(let cells): return cells.map(Record.cell)
                default: return [Record.cell(item)]
                }
            })
        case .tensor(let tensor) where tensor.rank <= 2:
            let columns = tensor.rank == 2 ? tensor.shape[1] : 1
            let rows = tensor.rank == 0 ? 1 : tensor.shape[0]
            return ([], (0..<rows).map { row in (0..<columns).map { .number(tensor.scalars[row * columns + $0]) } })
        default:
            throw arguments.typeError("value", expected: "a record, a list or a matrix", found: value)
        }
    }
}
