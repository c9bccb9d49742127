import Tensors
import TextPlots

extension Builtins {
    static var lineplot: Builtin {
        Builtin("lineplot", [
            Parameter("y"),
            Parameter("x", default: Value.none),
            Parameter("labels", kind: .namedOnly, default: Value.none),
            Parameter("width", kind: .namedOnly, default: Value.none),
            Parameter("height", kind: .namedOnly, default: .number(12)),
            Parameter("title", kind: .namedOnly, default: Value.none),
            Parameter("color", kind: .namedOnly, default: .bool(false)),
            charsetParameter,
        ], summary: "Plots y against x (default 0, 1, 2, …) on a Braille canvas with axes and ticks.",
        details: """
            y is a vector, a matrix (one series per row) or a list of vectors; labels names the
            series for the legend. Series differ by dash pattern, and by colour with color: true.
            In ASCII each series draws with its own mark (*, o, x, #, @, %), one per character.
            """) { arguments, context in
            let ys = try seriesValues(arguments, "y")
            let x = arguments.has("x") ? try arguments.tensor("x").scalars : nil
            let names = try labels(arguments, "labels", count: ys.count)
            if let names, names.count != ys.count {
                throw arguments.valueError("labels", "needs one name per series (\(ys.count)), found \(names.count)")
            }
            let series = ys.enumerated().map { LineSeries(name: names?[$0], x: x, y: $1) }
            var options = LinePlotOptions(height: try arguments.integer("height"), color: try arguments.bool("color"),
                                          charset: try charset(arguments, context))
            options.width = try optionalInteger(arguments, "width")
            options.title = arguments.has("title") ? try arguments.string("title") : nil
            return try drawing {
                try LinePlot.render(series, options: options, sessionWidth: context.renderOptions.width)
            }
        }
    }

    static var bar: Builtin {
        Builtin("bar", [
            Parameter("values"),
            Parameter("labels", kind: .namedOnly, default: Value.none),
            Parameter("width", kind: .namedOnly, default: Value.none),
            Parameter("title", kind: .namedOnly, default: Value.none),
            charsetParameter,
        ], summary: "Draws a horizontal bar per value, labelled, with the value after it.",
        details: """
            labels: a list of strings or a prefix ("c" gives c1, c2, …). Negative values extend left
            of 0. Bars are drawn in eighths of a character, in whole characters (#) in ASCII.
            """) {
            arguments, context in
            let values = try arguments.tensor("values").scalars
            let names = try labels(arguments, "labels", count: values.count)
            let width = try optionalInteger(arguments, "width") ?? context.renderOptions.width
            let title = arguments.has("title") ? try arguments.string("title") : nil
            let charset = try charset(arguments, context)
            return try drawing {
                try BarChart.render(values: values, labels: names, title: title, width: width, charset: charset)
            }
        }
    }

    static var hist: Builtin {
        Builtin("hist", [
            Parameter("t"),
            Parameter("bins", kind: .namedOnly, default: .number(10)),
            Parameter("width", kind: .namedOnly, default: Value.none),
            Parameter("title", kind: .namedOnly, default: Value.none),
            charsetParameter,
        ], summary: "Counts a tensor's values in equal-width bins (like np.histogram) and draws them as bars.") {
            arguments, context in
            let values = try arguments.tensor("t").scalars
            let bins = try arguments.integer("bins")
            let width = try optionalInteger(arguments, "width") ?? context.renderOptions.width
            let title = arguments.has("title") ? try arguments.string("title") : nil
            let charset = try charset(arguments, context)
            return try drawing {
                try Histogram.render(values, bins: bins, title: title, width: width, charset: charset)
            }
        }
    }

    /// The series of a line plot: a vector, the rows of a matrix, or a list of vectors.
    private static func seriesValues(_ arguments: BoundArguments, _ name: String) throws -> [[Double]] {
        let raw = arguments.value(name)
        if case .list(let items) = raw, items.contains(where: { if case .number = $0 { false } else { true } }) {
            return try items.map { item in
                guard let tensor = BoundArguments.tensor(from: item), tensor.rank == 1 else {
                    throw arguments.typeError(name, expected: "a list of vectors", found: item)
                }
                return tensor.scalars
            }
        }
        let tensor = try arguments.tensor(name)
        switch tensor.rank {
        case 1: return [tensor.scalars]
        case 2:
            let columns = tensor.shape[1]
            return (0..<tensor.shape[0]).map { Array(tensor.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
        default:
            throw arguments.typeError(name, expected: "a vector, a matrix (one series per row) or a list of vectors",
                                      found: raw)
        }
    }
}
