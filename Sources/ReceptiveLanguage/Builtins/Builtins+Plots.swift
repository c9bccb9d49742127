import Tensors
import TextPlots

extension Builtins {
    /// The display builtins of LANGUAGE.md §5 "Show" that draw figures.
    static var plots: [Builtin] {
        [heatmap]
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
        ], summary: "Draws a rank-2 tensor (rank 3: channels side by side) with a character ramp and a legend.",
        details: """
            ramp: "blocks" ( ░▒▓█), "ascii" ( .:-=+*#%@) or "half" (▀▄, two rows per line).
            Data straddling 0 uses a diverging ramp (●○∘· below 0, ░▒▓█ above). Inputs larger
            than the box are averaged in square blocks; the legend says how many values a cell holds.
            zlim: (low, high) fixes the scale. color: true adds ANSI/HTML colour.
            """) { arguments, context in
            let ramp = try choice(arguments, "ramp", HeatmapOptions.Ramp.self)
            var options = HeatmapOptions(ramp: ramp, color: try arguments.bool("color"))
            options.width = try optionalInteger(arguments, "width")
            options.height = try optionalInteger(arguments, "height")
            options.title = arguments.has("title") ? try arguments.string("title") : nil
            if arguments.has("zlim") { options.zlim = try range(arguments, "zlim") }
            let tensor = try arguments.tensor("t")
            return try drawing {
                try Heatmap.render(tensor, options: options, sessionWidth: context.renderOptions.width)
            }
        }
    }

    /// Runs a renderer, turning its errors into the language's ValueError.
    static func drawing(_ draw: () throws -> Figure) throws -> Value {
        do {
            return .plot(try draw())
        } catch let error as TextPlotsError {
            throw RuntimeError(.value, error.message)
        }
    }

    /// An optional whole-number argument.
    static func optionalInteger(_ arguments: BoundArguments, _ name: String) throws -> Int? {
        arguments.has(name) ? try arguments.integer(name) : nil
    }

    /// A string argument that must name one case of `Choice`.
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ arguments: BoundArguments, _ name: String, _ type: Choice.Type
    ) throws -> Choice where Choice.RawValue == String {
        let text = try arguments.string(name)
        guard let value = Choice(rawValue: text) else {
            let valid = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw arguments.valueError(name, "must be one of \(valid), found \"\(text)\"")
        }
        return value
    }

    /// A `(low, high)` pair with low < high.
    static func range(_ arguments: BoundArguments, _ name: String) throws -> ClosedRange<Double> {
        let pair = try arguments.tensor(name).scalars
        guard pair.count == 2, pair[0] < pair[1] else {
            throw arguments.valueError(name, "must be a pair (low, high) with low < high, found "
                + pair.map { NumberText.compact($0) }.joined(separator: ", "))
        }
        return pair[0]...pair[1]
    }
}
