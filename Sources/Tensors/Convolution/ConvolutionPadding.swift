/// How a layer convolution pads its input, as `torch.nn.functional.conv2d`'s `padding`.
public enum ConvolutionPadding: Sendable, Equatable {
    /// The same number of zeros before and after, per spatial axis (one value applies to all).
    case explicit([Int])
    /// No padding (`padding="valid"`).
    case valid
    /// Enough zeros that the output has the input's size; needs stride 1. For an even effective
    /// kernel the extra zero goes after (right/bottom), as torch does.
    case same
}
