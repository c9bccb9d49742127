/// How a layer convolution pads its input, as `torch.nn.functional.conv2d`'s `padding`.
public enum ConvolutionPadding: Sendable, Equatable {
    /// The same number of zeros before and after, per spatial axis (one value applies to all).
    case explicit([Int])
    /// No padding (`padding="valid"`).
    case valid
    /// Enough zeros that the output has the input's size; needs stride 1. For an even effective
    /// kernel the extra zero goes after (right/bottom), as torch does.
    case same

    /// Parses `"valid"` or `"same"`, or throws an error naming the accepted strings.
    public init(named name: String) throws {
        switch name {
        case "valid": self = .valid
        case "same": self = .same
        default:
            throw TensorError.invalidArgument(
                "padding must be a number, a pair, \"valid\" or \"same\", found \"\(name)\"")
        }
    }
}
