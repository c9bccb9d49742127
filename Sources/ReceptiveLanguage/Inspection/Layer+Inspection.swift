import Learning
import Tensors

/// A layer's properties as the debugger's variables panel lists them under the layer: its
/// shape, window and weights. The weights are drawn (a layer stores only a seed) when listed,
/// up to the snapshot's cap.
extension Layer {
    /// The properties, in the order they are listed.
    var inspectedPropertyNames: [String] {
        switch self {
        case .dense: return ["inputs", "outputs", "weights", "seed"]
        case .convolution: return ["kernel", "in_channels", "out_channels", "stride", "padding", "dilation", "fill",
                                   "sharing", "weights"]
        case .pooling: return ["kind", "window", "stride", "padding", "dilation", "fill"]
        }
    }

    /// One property, or nil for a name the layer does not have. Weights larger than
    /// `control`'s cap are described in words instead.
    func inspectedProperty(_ name: String, control: ExecutionControl) -> Value? {
        switch (self, name) {
        case (.dense(let layer), "inputs"): return .number(Double(layer.inputs))
        case (.dense(let layer), "outputs"): return .number(Double(layer.outputs))
        case (.dense(let layer), "seed"):
            if case .seeded(let seeded) = layer.weights { return .number(Double(seeded.seed)) }
            return .string("none (given weights)")
        case (.dense(let layer), "weights"):
            let source: String = if case .seeded(let seeded) = layer.weights {
                "drawn from seed \(seeded.seed) when applied"
            } else { "given, too many to list" }
            return (try? weightTensor(control: control)).flatMap { $0.map(Value.tensor) }
                ?? .string("\(layer.outputs)×\(layer.inputs) weights \(source)")
        case (.convolution(let layer), "kernel"): return Layer.tuple(layer.window.kernelShape)
        case (.convolution(let layer), "in_channels"): return .number(Double(layer.inChannels))
        case (.convolution(let layer), "out_channels"): return .number(Double(layer.outChannels))
        case (.convolution(let layer), "sharing"): return .string(Layer.describe(layer.sharing))
        case (.convolution(let layer), "weights"): return Layer.weights(of: layer, control: control)
        case (.pooling(let layer), "kind"): return .string(layer.kind.rawValue)
        case (.pooling(let layer), "window"): return Layer.tuple(layer.window.kernelShape)
        case (_, "stride"): return window.map { Layer.tuple($0.stride) }
        case (_, "dilation"): return window.map { Layer.tuple($0.dilation) }
        case (_, "fill"): return window.map { .string($0.fill.rawValue) }
        case (_, "padding"):
            return window.map { window in
                .tuple(window.padding.map { $0.before == $0.after ? .number(Double($0.before)) : Layer.tuple([$0.before, $0.after]) })
            }
        default: return nil
        }
    }

    /// The sliding window of a convolution or pooling layer.
    private var window: Window? {
        switch self {
        case .dense: nil
        case .convolution(let layer): layer.window
        case .pooling(let layer): layer.window
        }
    }

    /// The kernel every position uses (out × in × kernel…), the t^rank tiles (tiles × out × in
    /// × kernel…), or words for seeded unshared weights and weights past the cap.
    private static func weights(of layer: ConvolutionLayer, control: ExecutionControl) -> Value {
        let seedText: String = if case .seeded(let seeded) = layer.weights { "seed \(seeded.seed)" } else { "the given kernel" }
        guard let copies = layer.inputIndependentCopies else {
            return .string("one kernel per output position, drawn from \(seedText) when applied")
        }
        guard var tensor = try? layer.weights(copies: copies, control: control) else {
            return .string("\(copies) × \(layer.kernelWeightCount) weights from \(seedText): too many to list")
        }
        if copies == 1, let kernel = try? tensor.reshaped(Array(tensor.shape.dropFirst())) {
            tensor = kernel
        }
        return .tensor(tensor)
    }

    private static func describe(_ sharing: ConvolutionLayer.Sharing) -> String {
        switch sharing {
        case .shared: "shared"
        case .unshared: "unshared"
        case .tiled(let period): "tiled, t = \(period)"
        }
    }

    private static func tuple(_ values: [Int]) -> Value {
        .tuple(values.map { .number(Double($0)) })
    }
}

/// A layer value as the variables panel lists it: the properties of the layer it holds now, and
/// its bias. A trainable layer is shared by reference and changed by optimizer steps under its
/// lock, so each property is read from one locked snapshot (`layer`, `bias`), never from a
/// layer halfway through a step.
extension TrainableLayer {
    /// The one-line description the panel previews, as the value renders (`bias` noted).
    var summary: String { layer.summary + (bias == nil ? "" : ", bias") }

    /// The properties, in the order they are listed: the layer's, then `bias`.
    var inspectedPropertyNames: [String] { layer.inspectedPropertyNames + ["bias"] }

    /// One property, or nil for a name the layer does not have.
    func inspectedProperty(_ name: String, control: ExecutionControl) -> Value? {
        if name == "bias" { return bias.map(Value.tensor) ?? Value.none }
        return layer.inspectedProperty(name, control: control)
    }
}
