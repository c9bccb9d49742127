import Tensors

extension Builtins {
    /// Shape operations: `reshape flatten transpose stack concat pad crop flip shift roll`.
    static var shape: [Builtin] {
        [reshape, flatten, transpose, stack, concat, pad, crop, flip, shift, roll]
    }

    private static let reshape = Builtin(
        "reshape", [Parameter("t"), Parameter("dims", kind: .variadic)],
        summary: "The same elements in new dimensions; one dimension may be -1 and is inferred."
    ) { arguments, _ in
        Value(tensor: try arguments.tensor("t").reshaped(arguments.variadicIntegers("dims")))
    }

    private static let flatten = Builtin(
        "flatten", [Parameter("t")],
        summary: "The elements as a rank-1 tensor, in row-major order."
    ) { arguments, _ in
        Value(tensor: try arguments.tensor("t").flattened())
    }

    private static let transpose = Builtin(
        "transpose", [Parameter("t"), Parameter("axes", kind: .variadic)],
        summary: "Permutes the axes (result axis i is axis axes[i]); without axes reverses them, like t.T.",
        details: "A sparse matrix transposes to a sparse matrix (scipy's m.T): the transpose of a convolution's as_matrix is the transposed convolution's."
    ) { arguments, context in
        let axes = try arguments.variadicIntegers("axes")
        if case .sparse(let matrix) = arguments.value("t") {
            guard axes.isEmpty || axes == [1, 0] else {
                throw arguments.valueError("axes", "of a sparse matrix must be (1, 0) or none, found \(axes)")
            }
            return .sparse(try matrix.transposed(control: context.control))
        }
        return Value(tensor: try arguments.tensor("t").transposed(axes.isEmpty ? nil : axes, control: context.control))
    }

    private static let stack = Builtin(
        "stack", [Parameter("list"), Parameter("axis", default: .number(0))],
        summary: "Joins same-shape tensors along a new axis (numpy.stack)."
    ) { arguments, context in
        let tensors = try tensorList(arguments, "list", control: context.control)
        return Value(tensor: try Tensor.stacked(tensors, axis: arguments.integer("axis"), control: context.control))
    }

    private static let concat = Builtin(
        "concat", [Parameter("list"), Parameter("axis", default: .number(0))],
        summary: "Joins tensors along an existing axis; the other dimensions must agree (numpy.concatenate)."
    ) { arguments, context in
        let tensors = try tensorList(arguments, "list", control: context.control)
        return Value(tensor: try Tensor.concatenated(tensors, axis: arguments.integer("axis"), control: context.control))
    }

    private static let pad = Builtin(
        "pad", [Parameter("t"), Parameter("width"), Parameter("mode", default: .string("zero"))],
        summary: "Pads the border: mode \"zero\", \"reflect\", \"edge\" or \"wrap\" as numpy.pad's constant/reflect/edge/wrap.",
        details: "width is a number (every side), a (before, after) pair (every axis) or one pair per axis."
    ) { arguments, context in
        let modeName = try arguments.string("mode")
        guard let mode = PaddingMode(rawValue: modeName) else {
            let names = PaddingMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw arguments.valueError("mode", "must be one of \(names), found \"\(modeName)\"")
        }
        let padding = try widths(arguments, "width", control: context.control)
        return Value(tensor: try arguments.tensor("t").padded(padding, mode: mode, control: context.control))
    }

    private static let crop = Builtin(
        "crop", [Parameter("t"), Parameter("width")],
        summary: "Removes a border, the inverse of pad: width is a number, a (before, after) pair or one pair per axis."
    ) { arguments, context in
        Value(tensor: try arguments.tensor("t").cropped(widths(arguments, "width", control: context.control),
                                                        control: context.control))
    }

    private static let flip = Builtin(
        "flip", [Parameter("t"), Parameter("axis", default: Value.none)],
        summary: "Reverses the order along axis (a number or a tuple of axes); without axis along every axis."
    ) { arguments, context in
        Value(tensor: try arguments.tensor("t").flipped(axes: optionalAxes(arguments), control: context.control))
    }

    private static let shift = Builtin(
        "shift", [Parameter("t"), Parameter("by"), Parameter("axis", default: Value.none)],
        summary: "Moves the content by `by` positions along axis, filling with 0 and losing what leaves (no axis: flattened)."
    ) { arguments, context in
        Value(tensor: try arguments.tensor("t").shifted(by: arguments.integers("by"), axes: optionalAxes(arguments),
                                                        control: context.control))
    }

    private static let roll = Builtin(
        "roll", [Parameter("t"), Parameter("by"), Parameter("axis", default: Value.none)],
        summary: "Moves the content by `by` positions along axis, wrapping around (numpy.roll; no axis: flattened)."
    ) { arguments, context in
        Value(tensor: try arguments.tensor("t").rolled(by: arguments.integers("by"), axes: optionalAxes(arguments),
                                                       control: context.control))
    }

    /// `axis:` as a list of axes, or nil when it was not given.
    private static func optionalAxes(_ arguments: BoundArguments) throws -> [Int]? {
        arguments.has("axis") ? try arguments.integers("axis") : nil
    }

    /// A pad/crop width: a number, a (before, after) pair, or a list/tuple of pairs.
    private static func widths(_ arguments: BoundArguments, _ name: String,
                               control: ExecutionControl) throws -> [(before: Int, after: Int)] {
        let raw = arguments.value(name)
        if case .number = raw {
            let width = try arguments.integer(name)
            return [(width, width)]
        }
        let items: [Value]
        switch raw {
        case .tuple(let values), .list(let values): items = values
        case .tensor(let tensor) where tensor.rank == 2 && tensor.shape[1] == 2:
            items = try (0..<tensor.shape[0]).map { row in
                Value(tensor: try tensor.subscripted([.index(row)], control: control))
            }
        case .tensor(let tensor) where tensor.rank == 1:
            items = tensor.scalars.map(Value.number)
        default: throw arguments.typeError(name, expected: "a number, a pair or a list of pairs", found: raw)
        }
        if items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
            let pair = try BoundArguments(functionName: arguments.functionName, values: [name: raw]).integers(name)
            guard pair.count == 2 else { throw arguments.valueError(name, "must be a (before, after) pair, found \(pair.count) numbers") }
            return [(pair[0], pair[1])]
        }
        return try items.map { item in
            let pair = try BoundArguments(functionName: arguments.functionName, values: [name: item]).integers(name)
            guard pair.count == 2 else { throw arguments.valueError(name, "needs (before, after) pairs, found one of \(pair.count) numbers") }
            return (pair[0], pair[1])
        }
    }
}
