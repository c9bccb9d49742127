import Learning
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
        Value(operand: try arguments.operand("t").reshaped(arguments.variadicIntegers("dims")))
    }

    private static let flatten = Builtin(
        "flatten", [Parameter("t"), Parameter("start", kind: .namedOnly, default: .number(0))],
        summary: "The elements as a rank-1 tensor, in row-major order; start: 1 keeps the first (batch) axis.",
        details: "flatten(x, start: 1) of an N × C × H × W batch is N × (C·H·W), as torch.flatten(x, 1)."
    ) { arguments, _ in
        let t = try arguments.operand("t")
        let start = try arguments.integer("start")
        let rank = t.value.rank
        guard start >= 0, start < max(rank, 1) else {
            throw arguments.valueError("start", "must be an axis of the tensor, 0 to \(max(rank - 1, 0)), found \(start)")
        }
        let kept = Array(t.shape.prefix(start))
        return Value(operand: try t.reshaped(kept + [t.shape.dropFirst(start).reduce(1, *)]))
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
        return Value(operand: try arguments.operand("t").transposed(axes.isEmpty ? nil : axes, control: context.control))
    }

    private static let stack = Builtin(
        "stack", [Parameter("list"), Parameter("axis", default: .number(0))],
        summary: "Joins same-shape tensors along a new axis (numpy.stack)."
    ) { arguments, context in
        let operands = try operandList(arguments, "list", control: context.control)
        return Value(operand: try TensorOperand.stacked(operands, axis: arguments.integer("axis"), control: context.control))
    }

    private static let concat = Builtin(
        "concat", [Parameter("list"), Parameter("axis", default: .number(0))],
        summary: "Joins tensors along an existing axis; the other dimensions must agree (numpy.concatenate)."
    ) { arguments, context in
        let operands = try operandList(arguments, "list", control: context.control)
        return Value(operand: try TensorOperand.concatenated(operands, axis: arguments.integer("axis"),
                                                             control: context.control))
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
        return Value(operand: try arguments.operand("t").padded(padding, mode: mode, control: context.control))
    }

    private static let crop = Builtin(
        "crop", [Parameter("t"), Parameter("width")],
        summary: "Removes a border, the inverse of pad: width is a number, a (before, after) pair or one pair per axis."
    ) { arguments, context in
        Value(operand: try arguments.operand("t").cropped(widths(arguments, "width", control: context.control),
                                                          control: context.control))
    }

    private static let flip = Builtin(
        "flip", [Parameter("t"), Parameter("axis", default: Value.none)],
        summary: "Reverses the order along axis (a number or a tuple of axes); without axis along every axis."
    ) { arguments, context in
        Value(operand: try arguments.operand("t").flipped(axes: optionalAxes(arguments), control: context.control))
    }

    private static let shift = Builtin(
        "shift", [Parameter("t"), Parameter("by"), Parameter("axis", default: Value.none)],
        summary: "Moves the content by `by` positions along axis, filling with 0 and losing what leaves (no axis: flattened)."
    ) { arguments, context in
        Value(operand: try arguments.operand("t").shifted(by: arguments.integers("by"), axes: optionalAxes(arguments),
                                                          control: context.control))
    }

    private static let roll = Builtin(
        "roll", [Parameter("t"), Parameter("by"), Parameter("axis", default: Value.none)],
        summary: "Moves the content by `by` positions along axis, wrapping around (numpy.roll; no axis: flattened)."
    ) { arguments, context in
        Value(operand: try arguments.operand("t").rolled(by: arguments.integers("by"), axes: optionalAxes(arguments),
                                                         control: context.control))
    }

    /// `name` as the tensors to join: a list or tuple of them (traced or not), or the rows of
    /// one tensor (a literal of traced tensors arrives already stacked).
    private static func operandList(_ arguments: BoundArguments, _ name: String,
                                    control: ExecutionControl) throws -> [TensorOperand] {
        switch arguments.value(name) {
        case .list(let items) where items.contains(where: \.isTracedValue),
             .tuple(let items) where items.contains(where: \.isTracedValue):
            return try items.map { item in
                guard let operand = item.operand else { throw arguments.typeError(name, expected: "a list of tensors", found: item) }
                return operand
            }
        case .traced(let traced) where traced.value.rank > 0:
            return try (0..<traced.value.shape[0]).map {
                try TensorOperand.traced(traced).subscripted([.index($0)], control: control)
            }
        default:
            return try tensorList(arguments, name, control: control).map(TensorOperand.plain)
        }
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
