import Tensors
import TextPlots

extension Builtins {
    /// Output, help and session state: `print warn show clear help vars del input type len`.
    static var session: [Builtin] {
        [print, warn, show, clear, help, vars, delete, input, type, length]
    }

    private static let print = Builtin(
        "print", [Parameter("values", kind: .variadic)],
        summary: "Writes the values, separated by spaces, to standard output (strings without quotes)."
    ) { arguments, context in
        context.write(line(arguments.variadic, context), toStandardError: false)
        return .none
    }

    private static let warn = Builtin(
        "warn", [Parameter("values", kind: .variadic)],
        summary: "Writes the values, separated by spaces, to standard error."
    ) { arguments, context in
        context.write(line(arguments.variadic, context), toStandardError: true)
        return .none
    }

    private static func line(_ values: [Value], _ context: any BuiltinContext) -> String {
        values.map { $0.printedText(options: context.renderOptions) }.joined(separator: " ") + "\n"
    }

    private static let show = Builtin(
        "show", [Parameter("value")],
        summary: "Displays a value now, as a cell result would be shown."
    ) { arguments, context in
        context.display(arguments.value("value"))
        return .none
    }

    private static let clear = Builtin(
        "clear", [],
        summary: "Clears the output of the current cell."
    ) { _, context in
        context.clearOutput()
        return .none
    }

    private static let help = Builtin(
        "help", [Parameter("name", default: Value.none)],
        summary: "Lists every builtin, or shows the signature and documentation of one function.",
        details: "help() lists the builtins; help(conv2d) or help(\"conv2d\") describes one."
    ) { arguments, context in
        let text: String
        switch arguments.value("name") {
        case .none: text = HelpText.index()
        case .function(let callable): text = HelpText.text(for: callable)
        case .string(let name):
            guard case .function(let callable) = context.lookup(name) else {
                throw arguments.valueError("name", "is \"\(name)\", which names no function; help() lists them")
            }
            text = HelpText.text(for: callable)
        case let other:
            throw arguments.typeError("name", expected: "a function or its name", found: other)
        }
        context.page(Figure(text: context.renderOptions.charset.spell(text)))
        return .none
    }

    private static let vars = Builtin(
        "vars", [],
        summary: "A record of the session's variables and their values."
    ) { _, context in
        .record(Record(typeName: "vars", fields: context.variables))
    }

    private static let delete = Builtin(
        "del", [Parameter("names", kind: .variadic)],
        summary: "Removes variables from the session: del(x, y).",
        details: "Its arguments are variable names, not values."
    ) { arguments, _ in
        // The evaluator removes the names before a call reaches here; values cannot be deleted.
        throw RuntimeError(.type, "del() expects variable names, like del(x, y)")
    }

    private static let input = Builtin(
        "input", [Parameter("prompt", default: .string(""))],
        summary: "Reads a line typed by the user, after showing the prompt."
    ) { arguments, context in
        .string(try context.readInput(prompt: try arguments.string("prompt")))
    }

    private static let type = Builtin(
        "type", [Parameter("value")],
        summary: "The name of a value's type: \"number\", \"tensor\", \"string\", ..."
    ) { arguments, _ in
        let description = arguments.value("value").typeDescription
        let name = description.split(separator: " ").dropFirst().first.map(String.init) ?? description
        return .string(name)
    }

    private static let length = Builtin(
        "len", [Parameter("value")],
        summary: "The number of items of a list, tuple, string or range, or the length of a tensor's first axis."
    ) { arguments, _ in
        switch arguments.value("value") {
        case .list(let items), .tuple(let items): return .number(Double(items.count))
        case .string(let text): return .number(Double(text.count))
        case .tensor(let tensor) where tensor.rank > 0: return .number(Double(tensor.shape[0]))
        case .range(let numbers): return .number(Double(numbers.count))
        case let other: throw arguments.typeError("value", expected: "a list, a tuple, a string, a range or a tensor of rank ≥ 1", found: other)
        }
    }
}
