import Learning
import Tensors

/// Reads the language's layer arguments (docs/language.md#layers) into the tensor core's types, with
/// errors that name the builtin and the parameter.
enum LayerArguments {
    /// The parameters every convolution-like constructor shares, after `kernel`.
    static let convolutionOptions: [Parameter] = [
        Parameter("in_channels", kind: .namedOnly, default: Value.none, shownAs: "1"),
        Parameter("out_channels", kind: .namedOnly, default: Value.none, shownAs: "1"),
        Parameter("stride", kind: .namedOnly, default: .number(1)),
        Parameter("padding", kind: .namedOnly, default: .number(0)),
        Parameter("dilation", kind: .namedOnly, default: .number(1)),
        Parameter("padding_mode", kind: .namedOnly, default: .string("zero")),
        Parameter("seed", kind: .namedOnly, default: .number(0)),
    ]

    /// The details text shared by the convolution-like constructors.
    static let convolutionDetails = """
        kernel: a number (1-D width, random weights), a tuple such as (3, 3) (the kernel's shape,
        random weights) or a tensor (the weights: rank 1 → 1-D, rank 2 → 2-D, out×in×k… →
        multi-channel; channels then come from the tensor). padding: a number, one per axis,
        ((before, after), …), "valid" or "same"; padding_mode: what the padding holds, "zero",
        "reflect", "edge" or "wrap" (torch's zeros, reflect, replicate, circular). Random weights
        are uniform in ±1/√fan_in, reproducible from seed. The layer is callable: layer(x), with
        x shaped spatial… (one channel) or C×spatial….
        """

    /// The layer specification from `kernel` and the convolution options.
    static func specification(_ arguments: BoundArguments) throws -> LayerSpecification {
        var specification = LayerSpecification(kernel: try kernel(arguments))
        if arguments.has("in_channels") { specification.inChannels = try arguments.integer("in_channels") }
        if arguments.has("out_channels") { specification.outChannels = try arguments.integer("out_channels") }
        let mode = try arguments.string("padding_mode")
        guard let fill = PaddingMode(rawValue: mode) else {
            let names = PaddingMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw arguments.valueError("padding_mode", "must be one of \(names), found \"\(mode)\"")
        }
        specification.window = WindowOptions(stride: try arguments.integers("stride"), padding: try padding(arguments),
                                             dilation: try arguments.integers("dilation"), fill: fill)
        specification.seed = try seed(arguments)
        return specification
    }

    /// `kernel:` as a width, a shape tuple or a weights tensor.
    static func kernel(_ arguments: BoundArguments, _ name: String = "kernel") throws -> LayerSpecification.Kernel {
        switch arguments.value(name) {
        case .number: return .width(try arguments.integer(name))
        case .tuple: return .shape(try arguments.integers(name))
        default: return .weights(try arguments.tensor(name))
        }
    }

    /// `bias:` of conv_layer and dense_layer: off by default, so that the book's counts hold.
    static let biasParameter = Parameter("bias", kind: .namedOnly, default: .bool(false))

    /// A new layer value for `layer`, with a bias drawn from `seed:` when `bias: true`.
    static func value(_ layer: Layer, _ arguments: BoundArguments) throws -> Value {
        let bias = try arguments.bool("bias") ? TrainableLayer.seededBias(for: layer, seed: seed(arguments)) : nil
        return .layer(try TrainableLayer(layer, bias: bias))
    }

    /// `seed:` as a non-negative whole number.
    static func seed(_ arguments: BoundArguments) throws -> UInt64 {
        let seed = try arguments.integer("seed")
        guard seed >= 0 else { throw arguments.valueError("seed", "must be ≥ 0, found \(seed)") }
        return UInt64(seed)
    }

    /// `padding:` as a number, numbers per axis, (before, after) pairs, "valid" or "same".
    static func padding(_ arguments: BoundArguments) throws -> WindowPadding {
        switch arguments.value("padding") {
        case .string("valid"): return .valid
        case .string("same"): return .same
        case .string(let name):
            throw arguments.valueError("padding", "must be a number, a tuple, \"valid\" or \"same\", found \"\(name)\"")
        case .tuple(let items) where items.contains(where: { if case .tuple = $0 { return true } else { return false } }):
            return .pairs(try items.map { item in
                let pair = try BoundArguments(functionName: arguments.functionName, values: ["padding": item])
                    .integers("padding")
                guard pair.count == 2, pair.allSatisfy({ $0 >= 0 }) else {
                    throw arguments.valueError("padding", "pairs must be (before, after) with values ≥ 0, found \(pair)")
                }
                return .init(before: pair[0], after: pair[1])
            })
        default:
            return .widths(try arguments.integers("padding"))
        }
    }

    /// `name` as a layer's description (its kernel, window and current weights).
    static func layer(_ arguments: BoundArguments, _ name: String = "layer") throws -> Layer {
        try trainableLayer(arguments, name).layer
    }

    /// `name` as a layer value (shared by reference).
    static func trainableLayer(_ arguments: BoundArguments, _ name: String = "layer") throws -> TrainableLayer {
        let value = arguments.value(name)
        guard case .layer(let layer) = value else {
            throw arguments.typeError(name, expected: "a layer (from conv_layer, dense_layer, …)", found: value)
        }
        return layer
    }

    /// `input:` as a shape: a number, or a tuple/list of whole numbers such as (280, 320).
    static func shape(_ arguments: BoundArguments, _ name: String = "input") throws -> [Int] {
        guard arguments.has(name) else {
            throw arguments.valueError(name, "is required: give the input shape, e.g. input: (280, 320)")
        }
        let shape = try arguments.integers(name)
        guard !shape.isEmpty, shape.allSatisfy({ $0 >= 1 }) else {
            throw arguments.valueError(name, "must be a shape of extents ≥ 1, found \(shape)")
        }
        return shape
    }

    /// A list of whole numbers as a tuple value, e.g. a shape `(280, 319)`.
    static func tuple(_ numbers: [Int]) -> Value {
        .tuple(numbers.map { .number(Double($0)) })
    }
}
