import Tensors

extension Builtins {
    /// Sequences for loops and lists (docs/language.md#loops, #lists-and-comprehensions):
    /// `range enumerate zip append sort reverse`.
    static var sequences: [Builtin] {
        [range, enumerate, zip, append, sort, reverse]
    }

    private static let range = Builtin(
        "range", [Parameter("start"), Parameter("stop", default: Value.none), Parameter("step", default: .number(1))],
        summary: "The numbers from start up to, not including, stop, counted as a loop needs them (no tensor is built).",
        details: "range(5) counts 0, 1, 2, 3, 4; range(1, 10, step: 3) counts 1, 4, 7. Its numbers are arange's; "
            + "tensor(range(n)) makes them a tensor."
    ) { arguments, _ in
        let first = try arguments.number("start")
        let step = try arguments.number("step")
        let numbers = arguments.has("stop")
            ? try NumberRange(start: first, stop: arguments.number("stop"), step: step)
            : try NumberRange(start: 0, stop: first, step: step)
        return .range(numbers)
    }

    private static let enumerate = Builtin(
        "enumerate", [Parameter("sequence"), Parameter("start", default: .number(0))],
        summary: "A list of (position, item) pairs of a sequence, for loops like `for i, x in enumerate(xs)`."
    ) { arguments, context in
        let items = try sequenceItems(arguments, "sequence", context)
        let start = try arguments.number("start")
        return .list(items.enumerated().map { .tuple([.number(start + Double($0.offset)), $0.element]) })
    }

    private static let zip = Builtin(
        "zip", [Parameter("sequences", kind: .variadic)],
        summary: "A list of tuples pairing the sequences' items in order, as long as the shortest: zip(xs, ys).",
        details: "for x, y in zip(xs, ys) { ... } walks two sequences together."
    ) { arguments, context in
        let sequences = try arguments.variadic.map { sequence -> [Value] in
            guard let items = try sequence.items(control: context.control) else {
                throw arguments.typeError("sequences", expected: sequenceExpectation, found: sequence)
            }
            return items
        }
        let length = sequences.map(\.count).min() ?? 0
        return .list((0..<length).map { index in .tuple(sequences.map { $0[index] }) })
    }

    private static let append = Builtin(
        "append", [Parameter("xs"), Parameter("value")],
        summary: "Adds value to the end of the list or tensor in the variable xs, in place: append(xs, 4).",
        details: "xs becomes what the literal [items of xs..., value] would be: numbers added to a vector or "
            + "to [] keep it a tensor, an item of another kind makes it a list."
    ) { _, _ in
        // A call `append(name, v)` is compiled to change the variable; other forms cannot.
        throw RuntimeError.appendNeedsVariable
    }

    private static let sort = Builtin(
        "sort", [Parameter("xs"), Parameter("key", kind: .namedOnly, default: Value.none),
                 Parameter("reverse", kind: .namedOnly, default: .bool(false))],
        summary: "A sorted copy of a list, tuple, string, range or vector (xs itself is unchanged).",
        details: "Numbers sort by value (NaN last, as numpy.sort), strings by character, tuples item by item. "
            + "key: a function whose results are compared instead; reverse: true sorts from largest to smallest."
    ) { arguments, context in
        let raw = arguments.value("xs")
        guard let items = try sortableItems(raw, context) else {
            throw arguments.typeError("xs", expected: "a list, a tuple, a string, a range or a tensor of rank 1", found: raw)
        }
        let key = arguments.value("key")
        let keys: [Value]
        if case .none = key { keys = items } else { keys = try items.map { try context.call(key, [$0]) } }
        let descending = try arguments.bool("reverse")
        // Ties keep their order (a stable sort, as Python's), also when sorting in reverse.
        var order = Array(items.indices)
        var failure: (any Error)?
        order.sort { left, right in
            guard failure == nil else { return left < right }
            do {
                let (first, second) = descending ? (keys[right], keys[left]) : (keys[left], keys[right])
                if try SortOrder.precedes(first, second) { return true }
                if try SortOrder.precedes(second, first) { return false }
                return left < right
            } catch {
                failure = error
                return left < right
            }
        }
        if let failure { throw failure }
        return rebuild(raw, order.map { items[$0] })
    }

    private static let reverse = Builtin(
        "reverse", [Parameter("xs")],
        summary: "A copy of a list, tuple, string, range or vector in reverse order (xs itself is unchanged)."
    ) { arguments, context in
        let raw = arguments.value("xs")
        guard let items = try sortableItems(raw, context) else {
            throw arguments.typeError("xs", expected: "a list, a tuple, a string, a range or a tensor of rank 1", found: raw)
        }
        return rebuild(raw, items.reversed())
    }

    private static let sequenceExpectation = "a list, a tuple, a tensor, a string or a range"

    private static func sequenceItems(_ arguments: BoundArguments, _ name: String, _ context: any BuiltinContext) throws -> [Value] {
        let raw = arguments.value(name)
        guard let items = try raw.items(control: context.control) else { throw arguments.typeError(name, expected: sequenceExpectation, found: raw) }
        return items
    }

    /// The items `sort` and `reverse` reorder: a matrix has no single order.
    private static func sortableItems(_ value: Value, _ context: any BuiltinContext) throws -> [Value]? {
        if case .tensor(let tensor) = value, tensor.rank != 1 { return nil }
        return try value.items(control: context.control)
    }

    /// Reordered items as a value of the original's kind (a range's numbers become a vector).
    private static func rebuild(_ original: Value, _ items: [Value]) -> Value {
        switch original {
        case .tuple: return .tuple(items)
        case .list: return .list(items)
        case .string: return .string(items.map { if case .string(let text) = $0 { return text } else { return "" } }.joined())
        default:
            let numbers = items.map { if case .number(let number) = $0 { return number } else { return .nan } }
            return .tensor(Tensor(vector: numbers))
        }
    }
}
