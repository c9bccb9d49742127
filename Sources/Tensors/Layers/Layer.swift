/// A layer as a value (docs/language.md#layers): something callable on a tensor whose connections,
/// weights and costs can be counted and drawn.
public enum Layer: Sendable, Equatable {
    /// Every output sees every input.
    case dense(DenseLayer)
    /// A kernel slid over the input, with shared, unshared or tiled weights.
    case convolution(ConvolutionLayer)
    /// A max or average pooling window.
    case pooling(PoolingLayer)

    /// The builtin that makes this kind of layer: `conv_layer`, `locally_connected`, `tiled`, ...
    public var name: String {
        switch self {
        case .dense: return "dense_layer"
        case .convolution(let layer): return ConvolutionLayer.name(of: layer.sharing)
        case .pooling: return "pool_layer"
        }
    }

    /// One line describing the layer, e.g. `conv_layer 1×2, 1 → 1 channels, stride 1, padding 0`.
    public var summary: String {
        switch self {
        case .dense(let layer):
            return "dense_layer \(layer.inputs) → \(layer.outputs)"
        case .convolution(let layer):
            var text = "\(name) \(Tensor.describe(layer.window.kernelShape)), "
                + "\(layer.inChannels) → \(layer.outChannels) channels"
            if case .tiled(let period) = layer.sharing { text += ", t \(period)" }
            return text + Layer.describe(layer.window)
        case .pooling(let layer):
            return "\(layer.kind.rawValue) pool \(Tensor.describe(layer.window.kernelShape))"
                + Layer.describe(layer.window)
        }
    }

    private static func describe(_ window: Window) -> String {
        func list(_ values: [Int]) -> String {
            Set(values).count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
        }
        let pads = window.padding.map { $0.before == $0.after ? "\($0.before)" : "\($0.before)+\($0.after)" }
        let padText = Set(pads).count == 1 ? pads[0] : "(" + pads.joined(separator: ", ") + ")"
        var text = ", stride \(list(window.stride)), padding \(padText)"
        if window.fill != .zero { text += " \(window.fill.rawValue)" }
        if window.dilation.contains(where: { $0 != 1 }) { text += ", dilation \(list(window.dilation))" }
        return text
    }
}
