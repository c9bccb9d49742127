import Tensors
import TextPlots

extension Builtins {
    /// Runs a renderer, turning its errors into the language's ValueError.
    static func drawing(_ draw: () throws -> Figure) throws -> Value {
        do {
            return .plot(try draw())
        } catch let error as TextPlotsError {
            throw RuntimeError(.value, error.message)
        }
    }

    /// The `charset:` parameter of every plotting builtin (none: the session's charset).
    static var charsetParameter: Parameter {
        Parameter("charset", kind: .namedOnly, default: Value.none)
    }

    /// The charset a plotting builtin draws in: its `charset:` argument, or the session's.
    static func charset(_ arguments: BoundArguments, _ context: any BuiltinContext) throws -> Charset {
        arguments.has("charset") ? try choice(arguments, "charset", Charset.self) : context.renderOptions.charset
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
