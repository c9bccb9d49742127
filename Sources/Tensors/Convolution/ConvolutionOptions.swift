/// The options of `conv1d`/`conv2d` (torch.nn.functional's), as one named value from the
/// language's builtin down to the tensor core, so that two `[Int]` options cannot be swapped
/// unnoticed.
public struct ConvolutionOptions: Sendable, Equatable {
    /// The step between neighbouring outputs: one value for every axis, or one per axis.
    public var stride: [Int]
    /// The padding: `.widths`, `.valid` or `.same` (stride 1; an even kernel pads one more after).
    public var padding: WindowPadding
    /// The step between neighbouring taps: one value for every axis, or one per axis.
    public var dilation: [Int]
    /// Channel groups; each output channel sees C / groups input channels.
    public var groups: Int

    /// Creates options; the defaults are torch's.
    public init(stride: [Int] = [1], padding: WindowPadding = .widths([0]), dilation: [Int] = [1], groups: Int = 1) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
    }

    /// The window options (zero padding: torch's functional convolutions have no padding mode).
    var window: WindowOptions { WindowOptions(stride: stride, padding: padding, dilation: dilation) }
}
