/// A layer's weight and bias as variables of a tape.
public struct LayerParameters: Sendable {
    /// The weight tensor's variable (nil for layers without one).
    public let weight: TracedTensor?
    /// The bias's variable (nil without a bias).
    public let bias: TracedTensor?
}
