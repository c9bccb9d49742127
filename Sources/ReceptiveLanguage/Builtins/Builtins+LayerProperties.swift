import Tensors

extension Builtins {
    /// `receptive_field` and `equivariant`: what a stack sees, and what a function commutes with.
    static var layerProperties: [Builtin] {
        [receptiveField, equivariant]
    }

    private static let receptiveField = Builtin(
        "receptive_field", [
            Parameter("layers", kind: .variadic), Parameter("input", kind: .namedOnly),
            Parameter("at", kind: .namedOnly, default: Value.none, shownAs: "middle"),
        ],
        summary: "The input units that affect output unit at: through a stack of layers (figure 9.4), as a record.",
        details: """
            layers: layers in order from the input up (or one list of them). at: the top unit,
            0-based (a number or a tuple), or a name like "g3" (1-based, as the figures); default
            the middle unit. Fields: mask (0/1 over the input), ranges ((start, stop) per input
            axis), size, and levels: per level its shape, the input extent one unit sees and how
            many units affect the chosen one.
            """
    ) { arguments, context in
        let stack = try stackOfLayers(arguments)
        let field = try ReceptiveField(stack: stack, input: LayerArguments.shape(arguments), at: try unit(arguments),
                                       control: context.control)
        return .record(Record(typeName: "receptive_field", fields: [
            ("at", LayerArguments.tuple(field.at)),
            ("mask", .tensor(field.mask)),
            ("ranges", .list(field.ranges.map { LayerArguments.tuple([$0.lowerBound, $0.upperBound + 1]) })),
            ("size", .number(field.mask.scalars.reduce(0, +))),
            ("levels", .list(field.levels.map(levelRecord))),
        ]))
    }

    private static let equivariant = Builtin(
        "equivariant", [
            Parameter("f"), Parameter("x"),
            Parameter("shift", kind: .namedOnly, default: .number(1)),
            Parameter("axis", kind: .namedOnly, default: .number(-1)),
            Parameter("transform", kind: .namedOnly, default: .string("shift")),
            Parameter("margin", kind: .namedOnly, default: Value.none, shownAs: "auto"),
            Parameter("tol", kind: .namedOnly, default: .number(1e-9)),
        ],
        summary: "Whether f(T(x)) == T(f(x)) away from the borders, as a record (equal, max_difference, where, …).",
        details: """
            transform: "shift" (by shift: along axis:, filling with 0; for a layer with stride s a
            shift by k·s moves the output by k), "rot90" or "scale2" (last two axes). margin: units left out at both ends of each compared axis; by default the
            shift plus a layer's padding, or for other functions the units they drop but at least
            an eighth of the axis. Convolutions say true for shifts, false for rot90/scale2.
            """
    ) { arguments, context in
        let x = try arguments.tensor("x")
        let transform = try EquivarianceTransform(
            named: arguments.string("transform"), shift: arguments.integer("shift"), axis: arguments.integer("axis"))
        let function = arguments.value("f")
        let layer: Layer? = if case .layer(let trainable) = function { trainable.layer } else { nil }
        func f(_ input: Tensor) throws -> Tensor {
            if let layer { return try layer(input, control: context.control) }
            let result = try context.call(function, [.tensor(input)])
            guard let tensor = BoundArguments.tensor(from: result) else {
                throw arguments.typeError("f", expected: "a function returning a tensor", found: result)
            }
            return tensor
        }
        let output = try f(x)
        let outputTransform = try EquivarianceCheck.outputTransform(for: transform, layer: layer, inputRank: x.rank)
        let margin = try arguments.has("margin") ? margins(arguments, rank: output.rank)
            : EquivarianceCheck.defaultMargin(transform: outputTransform, layer: layer, input: x.shape, output: output.shape)
        let check = try EquivarianceCheck(transformedFirst: f(transform.apply(x, control: context.control)),
                                          transformedAfter: outputTransform.apply(output, control: context.control),
                                          margin: margin, tolerance: arguments.number("tol"), control: context.control)
        return .record(equivarianceRecord(check))
    }

    /// The variadic layers, or one list/tuple of layers.
    private static func stackOfLayers(_ arguments: BoundArguments) throws -> [Layer] {
        var items = arguments.variadic
        if items.count == 1, case .list(let inner) = items[0] { items = inner }
        if items.count == 1, case .tuple(let inner) = items[0] { items = inner }
        return try items.map { item in
            guard case .layer(let trainable) = item else {
                throw arguments.typeError("layers", expected: "layers (from conv_layer, pool_layer, …)", found: item)
            }
            return trainable.layer
        }
    }

    /// `at:` as 0-based coordinates, from a number, a tuple or a 1-based unit name like "g3".
    private static func unit(_ arguments: BoundArguments) throws -> [Int]? {
        guard arguments.has("at") else { return nil }
        guard case .string(let name) = arguments.value("at") else { return try arguments.integers("at") }
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(String(digits.reversed())), number >= 1 else {
            throw arguments.valueError("at", "as a string must name a unit like \"g3\" (1-based), found \"\(name)\"")
        }
        return [number - 1]
    }

    private static func margins(_ arguments: BoundArguments, rank: Int) throws -> [Int] {
        let values = try arguments.integers("margin")
        guard values.allSatisfy({ $0 >= 0 }), values.count == 1 || values.count == rank else {
            throw arguments.valueError("margin", "must be one number ≥ 0 or one per output axis (\(rank)), found \(values)")
        }
        return values.count == rank ? values : Array(repeating: values[0], count: rank)
    }

    private static func levelRecord(_ level: ReceptiveField.Level) -> Value {
        .record(Record(typeName: "level", fields: [
            ("name", .string(level.name)),
            ("shape", LayerArguments.tuple(level.shape)),
            ("extent", level.extent.map(LayerArguments.tuple) ?? .string("all")),
            ("affecting", .number(Double(level.affecting))),
        ]))
    }

    private static func equivarianceRecord(_ check: EquivarianceCheck) -> Record {
        Record(typeName: "equivariant", fields: [
            ("equal", .bool(check.equal)),
            ("max_difference", .number(check.maxDifference)),
            ("where", check.worst.map(LayerArguments.tuple) ?? .none),
            ("failures", .number(Double(check.failures))),
            ("region", .list(check.region.map { LayerArguments.tuple([$0.lowerBound, $0.upperBound]) })),
            ("mask", .tensor(check.failureMask)),
            ("note", check.note.map { .string($0) } ?? .none),
        ])
    }
}
