import Tensors

/// Matches a call's positional and named arguments to a callable's parameters
/// (docs/language.md#expressions).
struct ArgumentBinder {
    /// A named argument as written in the call.
    struct Named {
        /// The keyword.
        var name: String
        /// The evaluated value.
        var value: Value
    }

    /// The callable being called.
    let callee: any Callable
    /// The session's control, handed on to the bound arguments.
    var control: ExecutionControl?

    /// Binds positional arguments in order (the rest to a variadic parameter), then named ones;
    /// fills defaults; unknown, duplicated or missing names are TypeErrors listing the valid ones.
    func bind(positional: [Value], named: [Named]) throws -> BoundArguments {
        var values = ArgumentValues()
        values.reserveCapacity(callee.parameters.count)
        var variadic: [Value] = []
        var keywords: [Named] = []
        var remaining = positional[...]
        for parameter in callee.parameters {
            if parameter.kind == .variadic {
                variadic = Array(remaining)
                remaining = []
                break
            }
            guard parameter.kind == .regular, let next = remaining.first else { continue }
            values[parameter.name] = next
            remaining = remaining.dropFirst()
        }
        guard remaining.isEmpty else { throw tooManyPositional(positional.count) }
        let collectsKeywords = callee.parameters.contains { $0.kind == .keywords }
        for argument in named {
            let isParameter = callee.parameters.contains { $0.name == argument.name && $0.kind != .keywords }
            if collectsKeywords, !isParameter {
                guard !keywords.contains(where: { $0.name == argument.name }) else {
                    throw RuntimeError.duplicateArgument(argument.name, of: callee, valid: validNames)
                }
                keywords.append(argument)
            } else {
                try bindNamed(argument, into: &values)
            }
        }
        for parameter in callee.parameters where values[parameter.name] == nil && parameter.kind != .variadic
            && parameter.kind != .keywords {
            guard let fallback = parameter.defaultValue else {
                throw RuntimeError.missingArgument(parameter.name, of: callee)
            }
            values[parameter.name] = fallback
        }
        var bound = BoundArguments(functionName: callee.name, values: values, variadic: variadic, control: control)
        bound.keywords = keywords.map { ($0.name, $0.value) }
        return bound
    }

    private func bindNamed(_ argument: Named, into values: inout ArgumentValues) throws {
        guard let parameter = callee.parameters.first(where: { $0.name == argument.name }), parameter.kind != .variadic else {
            throw RuntimeError.unknownArgument(argument.name, of: callee, valid: validNames)
        }
        guard values[argument.name] == nil else {
            throw RuntimeError.duplicateArgument(argument.name, of: callee, valid: validNames)
        }
        values[argument.name] = argument.value
    }

    private var validNames: String {
        let names = callee.parameters.filter { $0.kind != .variadic && $0.kind != .keywords }.map(\.name)
        return names.isEmpty ? "none (it takes no named arguments)" : names.joined(separator: ", ")
    }

    private func tooManyPositional(_ given: Int) -> RuntimeError {
        let accepted = callee.parameters.filter { $0.kind == .regular }.count
        return RuntimeError.tooManyPositional(given, accepted: accepted, of: callee)
    }
}
