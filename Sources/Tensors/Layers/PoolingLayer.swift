/// A pooling layer (Deep Learning §9.3): each output summarises a window of one channel.
/// It has no weights; it appears in receptive-field stacks and can be applied.
public struct PoolingLayer: Sendable, Equatable {
    /// How a window is summarised.
    public enum Kind: String, Sendable, Equatable {
        /// The largest value in the window; NaN wins, as in torch's `max_pool2d`.
        case max
        /// The mean of the window.
        case average
    }

    /// Window shape, stride, dilation, padding and fill (zero padding never wins a max).
    public let window: Window
    /// How a window is summarised.
    public let kind: Kind

    /// Creates a pooling layer.
    public init(window: Window, kind: Kind) {
        self.window = window
        self.kind = kind
    }
}
