import Synchronization
import Tensors

/// A layer as the language holds it: a description (`Layer`: kernel, window, channels) with its
/// current weights and an optional bias, shared by reference (docs/language.md, "Learning"). Two names for
/// one layer see one set of weights; `copy()` clones them; an optimizer step replaces weight and
/// bias together, under one lock, so that no reader ever sees half a step.
public final class TrainableLayer: Sendable {
    private struct State: Sendable {
        var layer: Layer
        var bias: Tensor?
    }

    private let state: Mutex<State>

    /// A layer with `bias` (one value per output channel or unit), if any.
    public init(_ layer: Layer, bias: Tensor? = nil) throws {
        if let bias { try TrainableLayer.checkBias(bias, of: layer) }
        state = Mutex(State(layer: layer, bias: bias))
    }

    /// The layer with a bias drawn as torch initialises one: uniform in ±1/√fan_in, from `seed`
    /// (after the weights' draws, so weights and bias never share a number).
    public static func seededBias(for layer: Layer, seed: UInt64) throws -> Tensor? {
        guard let (count, fanIn, weightCount) = biasGeometry(of: layer) else { return nil }
        let generator = SeededWeights(seed: seed, fanIn: fanIn)
        return try Tensor(shape: [count], scalars: (0..<count).map { generator.weight(weightCount + $0) })
    }

    /// The number of biases a layer takes, its fan-in and its number of weights; nil for
    /// layers without a weight tensor.
    private static func biasGeometry(of layer: Layer) -> (count: Int, fanIn: Int, weights: Int)? {
        guard let shape = layer.weightShape else { return nil }
        let weights = shape.reduce(1, *)
        return (shape[0], weights / shape[0], weights)
    }

    /// The description with the current weights.
    public var layer: Layer { state.withLock { $0.layer } }

    /// The bias, one value per output channel (dense: per output unit), or nil.
    public var bias: Tensor? { state.withLock { $0.bias } }

    /// The name of the builtin that made it (`conv_layer`, `dense_layer`, …).
    public var name: String { layer.name }

    /// Whether it has weights that gradients and optimizers can reach (dense layers and
    /// convolutions with one shared kernel).
    public var isTrainable: Bool { layer.weightShape != nil }

    /// The weights as one tensor, or nil for layers without one (pooling, unshared, tiled).
    public func weight(control: ExecutionControl) throws -> Tensor? {
        try layer.weightTensor(control: control)
    }

    /// Replaces the weights, which must have the current weights' shape.
    public func setWeight(_ weight: Tensor) throws {
        try state.withLock { state in state.layer = try state.layer.replacingWeights(weight) }
    }

    /// Replaces the bias (one value per output), or removes it with nil.
    public func setBias(_ bias: Tensor?) throws {
        let layer = self.layer
        if let bias { try TrainableLayer.checkBias(bias, of: layer) }
        state.withLock { $0.bias = bias }
    }

    /// Stores a step already checked: `layer` came from `replacingWeights` of this layer's
    /// description, `bias` (nil: none) has its shape. Cannot fail, which is what lets an
    /// optimizer move several layers together.
    func commit(_ layer: Layer, bias: Tensor?) {
        state.withLock { state in
            state.layer = layer
            if bias != nil { state.bias = bias }
        }
    }

    /// A new layer with the same description, weights and bias, not shared with this one.
    public func copy() -> TrainableLayer {
        let current = state.withLock { $0 }
        return TrainableLayer(state: current)
    }

    private init(state: State) {
        self.state = Mutex(state)
    }

    /// The number of parameters: the weights (as the book counts them) plus the biases.
    public func params(input: [Int]?) throws -> Int {
        try layer.params(input: input) + (bias?.count ?? 0)
    }

    private static func checkBias(_ bias: Tensor, of layer: Layer) throws {
        guard let (count, _, _) = biasGeometry(of: layer) else {
            throw TensorError.invalidArgument("\(layer.name) has no weights, so it takes no bias")
        }
        guard bias.shape == [count] else {
            throw TensorError.shapeMismatch(
                "the bias of this \(layer.name) holds \(count) values (one per output), found \(Tensor.describe(bias.shape))")
        }
    }
}
