import Tensors

extension Builtins {
    /// Tensor constructors: `tensor zeros ones full eye arange linspace random randn image`.
    static var creation: [Builtin] {
        [tensor, zeros, ones, full, eye, arange, linspace, random, randn, image]
    }

    private static let tensor = Builtin(
        "tensor", [Parameter("x")],
        summary: "Converts a list or tuple of numbers, or of same-shape tensors, to a tensor (a number stays a number)."
    ) { arguments, context in
        if let direct = try BoundArguments.tensor(from: arguments.value("x"), control: context.control) {
            return Value(tensor: direct)
        }
        return Value(tensor: try Tensor.stacked(tensorList(arguments, "x", control: context.control),
                                                control: context.control))
    }

    private static let zeros = Builtin(
        "zeros", [Parameter("dims", kind: .variadic)],
        summary: "A tensor of the given dimensions filled with 0, e.g. zeros(2, 3) or zeros((2, 3))."
    ) { arguments, context in
        Value(tensor: try Tensor.zeros(arguments.variadicIntegers("dims"), control: context.control))
    }

    private static let ones = Builtin(
        "ones", [Parameter("dims", kind: .variadic)],
        summary: "A tensor of the given dimensions filled with 1, e.g. ones(2, 3)."
    ) { arguments, context in
        Value(tensor: try Tensor.ones(arguments.variadicIntegers("dims"), control: context.control))
    }

    private static let full = Builtin(
        "full", [Parameter("dims", kind: .variadic), Parameter("value", kind: .namedOnly)],
        summary: "A tensor of the given dimensions filled with value, e.g. full(2, 3, value: 7)."
    ) { arguments, context in
        Value(tensor: try Tensor(repeating: arguments.number("value"), shape: arguments.variadicIntegers("dims"),
                                 control: context.control))
    }

    private static let eye = Builtin(
        "eye", [Parameter("n"), Parameter("m", default: Value.none)],
        summary: "The n×n identity matrix (n×m when m is given)."
    ) { arguments, context in
        let columns = arguments.has("m") ? try arguments.integer("m") : nil
        return Value(tensor: try Tensor.eye(arguments.integer("n"), columns, control: context.control))
    }

    private static let arange = Builtin(
        "arange", [Parameter("start"), Parameter("stop", default: Value.none), Parameter("step", default: .number(1))],
        summary: "Evenly spaced numbers from start up to, not including, stop; arange(n) is 0, 1, …, n-1.",
        details: "arange(5) → [0, 1, 2, 3, 4]; arange(1, 2, 0.25) → [1, 1.25, 1.5, 1.75] (numpy.arange)."
    ) { arguments, context in
        let first = try arguments.number("start")
        guard arguments.has("stop") else {
            return Value(tensor: try Tensor.arange(0, first, step: arguments.number("step"), control: context.control))
        }
        let stop = try arguments.number("stop")
        return Value(tensor: try Tensor.arange(first, stop, step: arguments.number("step"), control: context.control))
    }

    private static let linspace = Builtin(
        "linspace", [Parameter("a"), Parameter("b"), Parameter("n", default: .number(50))],
        summary: "n evenly spaced numbers from a to b, both included (numpy.linspace)."
    ) { arguments, context in
        Value(tensor: try Tensor.linspace(arguments.number("a"), arguments.number("b"), count: arguments.integer("n"),
                                          control: context.control))
    }

    private static let random = Builtin(
        "random", [Parameter("dims", kind: .variadic), Parameter("seed", kind: .namedOnly, default: Value.none)],
        summary: "Uniform random numbers in [0, 1); the same seed: gives the same numbers on every machine.",
        details: "The generator is xoshiro256** seeded by SplitMix64; without seed: a fresh seed is drawn."
    ) { arguments, context in
        var generator = try generator(arguments)
        return Value(tensor: try Tensor.random(arguments.variadicIntegers("dims"), using: &generator,
                                               control: context.control))
    }

    private static let randn = Builtin(
        "randn", [Parameter("dims", kind: .variadic), Parameter("seed", kind: .namedOnly, default: Value.none)],
        summary: "Standard normal random numbers (mean 0, deviation 1); the same seed: gives the same numbers.",
        details: "Box–Muller on the xoshiro256** generator that random() uses."
    ) { arguments, context in
        var generator = try generator(arguments)
        return Value(tensor: try Tensor.randomNormal(arguments.variadicIntegers("dims"), using: &generator,
                                                     control: context.control))
    }

    private static let image = Builtin(
        "image", [Parameter("name"), Parameter("size", default: .number(64))],
        summary: "A built-in test image in [0, 1]: \"checkerboard\" \"square\" \"disk\" \"stripes\" \"gradient\" \"letter\".",
        details: "size: is a number (square image) or a (height, width) pair."
    ) { arguments, context in
        let name = try arguments.string("name")
        guard let picture = TestImage(rawValue: name) else {
            let names = TestImage.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw arguments.valueError("name", "must be one of \(names), found \"\(name)\"")
        }
        let size = try arguments.integers("size")
        guard size.count == 1 || size.count == 2 else {
            throw arguments.valueError("size", "must be a number or a (height, width) pair, found \(size.count) numbers")
        }
        return Value(tensor: try picture.render(height: size[0], width: size.count == 2 ? size[1] : size[0],
                                                control: context.control))
    }

    /// The generator for `seed:`, or a freshly seeded one when it is absent.
    private static func generator(_ arguments: BoundArguments) throws -> RandomGenerator {
        guard arguments.has("seed") else { return RandomGenerator() }
        return RandomGenerator(seed: UInt64(bitPattern: Int64(try arguments.integer("seed"))))
    }

    /// The tensors a list or tuple argument holds (each element converted), or the rows of
    /// one tensor (split under `control`).
    static func tensorList(_ arguments: BoundArguments, _ name: String, control: ExecutionControl) throws -> [Tensor] {
        let raw = arguments.value(name)
        switch raw {
        case .list(let items), .tuple(let items):
            return try items.map { item in
                guard let tensor = BoundArguments.tensor(from: item) else {
                    throw arguments.typeError(name, expected: "a list of tensors", found: item)
                }
                return tensor
            }
        case .tensor(let tensor) where tensor.rank > 0:
            return try (0..<tensor.shape[0]).map { try tensor.subscripted([.index($0)], control: control) }
        default:
            guard let tensor = BoundArguments.tensor(from: raw) else {
                throw arguments.typeError(name, expected: "a list of tensors", found: raw)
            }
            return [tensor]
        }
    }
}
