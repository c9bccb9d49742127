import Learning
import Tensors

extension Builtins {
    /// Layers and the book's ideas (docs/language.md#layers; Deep Learning §9.1–9.2 and §9.5).
    static var layers: [Builtin] {
        [denseLayer, convLayer, locallyConnected, tiled, poolLayer, params, flops, outputShape]
            + layerAnalysis + layerDiagram
    }

    private static let denseLayer = Builtin(
        "dense_layer", [Parameter("inputs"), Parameter("outputs"), LayerArguments.biasParameter,
                        Parameter("seed", kind: .namedOnly, default: .number(0))],
        summary: "A fully connected layer: every output sees every input (random weights from seed).",
        details: """
            Random weights are drawn when needed, never stored, so dense_layer(89600, 89320) is cheap to
            describe. Weights (l.weight, outputs × inputs) and bias (bias: true; l.bias) start as torch's
            nn.Linear does: uniform in ±1/√inputs. On an N × inputs batch it gives N × outputs.
            """
    ) { arguments, _ in
        try LayerArguments.value(.dense(try DenseLayer(inputs: arguments.integer("inputs"),
                                                       outputs: arguments.integer("outputs"),
                                                       seed: LayerArguments.seed(arguments))), arguments)
    }

    private static let convLayer = Builtin(
        "conv_layer", [Parameter("kernel")] + LayerArguments.convolutionOptions + [LayerArguments.biasParameter],
        summary: "A convolution layer (shared kernel, cross-correlation as torch); conv_layer([[-1, 1]]) is the edge detector.",
        details: LayerArguments.convolutionDetails + """

            bias: true adds one bias per output channel (l.bias), drawn like the weights. l.weight reads or
            assigns the out × in × kernel weights; on an N × C × spatial batch the layer gives N × O × spatial.
            """
    ) { arguments, _ in try LayerArguments.value(try LayerArguments.specification(arguments).convolution(), arguments) }

    private static let locallyConnected = Builtin(
        "locally_connected", [Parameter("kernel")] + LayerArguments.convolutionOptions,
        summary: "An unshared convolution (eq. 9.9): a separate kernel at every output position.",
        details: LayerArguments.convolutionDetails
    ) { arguments, _ in .layer(try TrainableLayer(LayerArguments.specification(arguments).convolution(sharing: .unshared))) }

    private static let tiled = Builtin(
        "tiled", [Parameter("kernel"), Parameter("t", kind: .namedOnly, default: .number(2))]
            + LayerArguments.convolutionOptions,
        summary: "A tiled convolution (eq. 9.10): t kernels per axis, output position j uses kernel j mod t.",
        details: LayerArguments.convolutionDetails
    ) { arguments, _ in
        .layer(try TrainableLayer(LayerArguments.specification(arguments).convolution(sharing: .tiled(period: arguments.integer("t")))))
    }

    private static let poolLayer = Builtin(
        "pool_layer", [
            Parameter("size"),
            Parameter("stride", kind: .namedOnly, default: Value.none, shownAs: "size"),
            Parameter("padding", kind: .namedOnly, default: .number(0)),
            Parameter("mode", kind: .namedOnly, default: .string("max")),
        ],
        summary: "A max or average pooling layer (for receptive_field stacks); size is a width or a shape tuple.",
        details: "mode: \"max\" or \"average\". Callable like other layers; it has no weights."
    ) { arguments, _ in
        var specification = LayerSpecification(kernel: try LayerArguments.kernel(arguments, "size"))
        specification.window = WindowOptions(
            stride: arguments.has("stride") ? try arguments.integers("stride") : try arguments.integers("size"),
            padding: .widths(try arguments.integers("padding")))
        let mode = try arguments.string("mode")
        guard let kind = PoolingLayer.Kind(rawValue: mode) else {
            throw arguments.valueError("mode", "must be \"max\" or \"average\", found \"\(mode)\"")
        }
        return .layer(try TrainableLayer(specification.pooling(kind)))
    }

    private static let params = Builtin(
        "params", [Parameter("layer"), Parameter("input", kind: .namedOnly, default: Value.none)],
        summary: "The number of weights (and biases) of a layer or model (locally_connected needs input: since it has one kernel per position)."
    ) { arguments, context in
        let input = arguments.has("input") ? try LayerArguments.shape(arguments) : nil
        if case .model(let model) = arguments.value("layer") {
            return .number(Double(try ModelAccounting.params(model, input: input, context: context)))
        }
        return .number(Double(try LayerArguments.trainableLayer(arguments).params(input: input)))
    }

    private static let flops = Builtin(
        "flops", [Parameter("layer"), Parameter("input", kind: .namedOnly)],
        summary: "Arithmetic for one input, counted as the book does: k multiplications and k − 1 additions per output.",
        details: "Taps on zero padding are not counted; a bias adds one addition per output. flops(conv_layer([[-1, 1]]), input: (280, 320)) is 267960."
    ) { arguments, context in
        let input = try LayerArguments.shape(arguments)
        if case .model(let model) = arguments.value("layer") {
            return .number(Double(try ModelAccounting.flops(model, input: input, context: context)))
        }
        return .number(Double(try ModelAccounting.flops(LayerArguments.trainableLayer(arguments), input: input,
                                                        control: context.control)))
    }

    private static let outputShape = Builtin(
        "output_shape", [Parameter("layer"), Parameter("input", kind: .namedOnly)],
        summary: "The shape of layer(x) for an input of shape input:, e.g. (280, 319) for the edge detector on (280, 320)."
    ) { arguments, _ in
        LayerArguments.tuple(try LayerArguments.layer(arguments).outputShape(input: LayerArguments.shape(arguments)))
    }
}
