/// A pooling layer (Deep Learning §9.3): each output summarises a window of one channel.
/// It has no weights; it appears in receptive-field stacks and can be applied.
public struct PoolingLayer: Sendable, Equatable {
    /// How a window is summarised.
    public enum Kind: String, Sendable, Equatable {
        /// The largest value in the window.
        case max
        /// The mean of the window.
        case average
    }

    /// Window shape, stride, dilation and padding (zero padding is ignored by `max`).
    public let geometry: ConvolutionGeometry
    /// How a window is summarised.
    public let kind: Kind

    /// Creates a pooling layer.
    public init(geometry: ConvolutionGeometry, kind: Kind) {
        self.geometry = geometry
        self.kind = kind
    }
}
