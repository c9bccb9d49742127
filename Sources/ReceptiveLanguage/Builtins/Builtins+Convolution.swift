import Learning
import Tensors

extension Builtins {
    /// Convolution and pooling: `convolve correlate conv1d conv2d maxpool avgpool
    /// adaptive_maxpool adaptive_avgpool`.
    static var convolution: [Builtin] {
        [convolve, correlate, conv1d, conv2d, maxpool, avgpool, adaptiveMaxpool, adaptiveAvgpool]
    }

    private static let convolve = Builtin(
        "convolve", [Parameter("x"), Parameter("k"), Parameter("mode", default: .string("valid"))],
        summary: "Convolution with the kernel flipped, exactly scipy.signal.convolve (rank 1 or 2; mode \"full\", \"same\" or \"valid\").",
        details: "The default mode is \"valid\" (scipy's is \"full\"). In \"valid\" mode a kernel larger than x swaps the two, as scipy does."
    ) { arguments, context in
        Value(operand: try TensorOperand.signalCorrelation(arguments.operand("x"), arguments.operand("k"),
                                                           mode: signalMode(arguments), flipsKernel: true,
                                                           control: context.control))
    }

    private static let correlate = Builtin(
        "correlate", [Parameter("x"), Parameter("k"), Parameter("mode", default: .string("valid"))],
        summary: "Cross-correlation (the kernel not flipped), exactly scipy.signal.correlate (rank 1 or 2; mode \"full\", \"same\" or \"valid\").",
        details: "The default mode is \"valid\". \"same\" crops the full result from (m - 1) // 2 on each axis like scipy.signal.correlate (correlate2d starts at m // 2 for an even kernel)."
    ) { arguments, context in
        Value(operand: try TensorOperand.signalCorrelation(arguments.operand("x"), arguments.operand("k"),
                                                           mode: signalMode(arguments), flipsKernel: false,
                                                           control: context.control))
    }

    private static let conv1d = Builtin(
        "conv1d", [Parameter("x"), Parameter("w")] + layerOptions,
        summary: "A 1-D convolution layer, exactly torch.nn.functional.conv1d: x is C×W or N×C×W, w is O×(C/groups)×k.",
        details: "padding: a number, \"valid\" or \"same\" (stride 1 only). bias: O values."
    ) { arguments, context in
        try layerConvolution(arguments, spatialRank: 1, control: context.control)
    }

    private static let conv2d = Builtin(
        "conv2d", [Parameter("x"), Parameter("w")] + layerOptions,
        summary: "A 2-D convolution layer, exactly torch.nn.functional.conv2d: x is C×H×W or N×C×H×W, w is O×(C/groups)×kH×kW.",
        details: "stride, dilation and padding take a number or a (height, width) pair; padding may also be \"valid\" or \"same\" (stride 1 only; an even kernel pads one more after). bias: O values."
    ) { arguments, context in
        try layerConvolution(arguments, spatialRank: 2, control: context.control)
    }

    private static let maxpool = Builtin(
        "maxpool", poolParameters,
        summary: "The maximum of each window, exactly torch max_pool2d (x H×W, C×H×W or N×C×H×W; a rank-1 x pools as max_pool1d).",
        details: "stride defaults to size; padding (at most half the window) never wins. Windows past the edge are dropped (ceil_mode false)."
    ) { arguments, context in
        try pool(.max, arguments, control: context.control)
    }

    private static let avgpool = Builtin(
        "avgpool", poolParameters,
        summary: "The mean of each window, exactly torch avg_pool2d (x H×W, C×H×W or N×C×H×W; a rank-1 x pools as avg_pool1d).",
        details: "stride defaults to size; padding counts as zeros in the mean (count_include_pad). Windows past the edge are dropped (ceil_mode false)."
    ) { arguments, context in
        try pool(.average, arguments, control: context.control)
    }

    private static let adaptiveMaxpool = Builtin(
        "adaptive_maxpool", [Parameter("x"), Parameter("output")],
        summary: "Max pooling to a fixed output size whatever the size of x, exactly torch adaptive_max_pool2d (x H×W, C×H×W or N×C×H×W; a rank-1 x pools as adaptive_max_pool1d).",
        details: "output: one size or a (height, width) pair; inputs of any size give that many outputs (the book's section 9.7). Window i of an axis of length L spans L·i/n rounded down to L·(i+1)/n rounded up."
    ) { arguments, context in
        try adaptivePool(arguments, kind: .max, control: context.control)
    }

    private static let adaptiveAvgpool = Builtin(
        "adaptive_avgpool", [Parameter("x"), Parameter("output")],
        summary: "Average pooling to a fixed output size whatever the size of x, exactly torch adaptive_avg_pool2d (x H×W, C×H×W or N×C×H×W; a rank-1 x pools as adaptive_avg_pool1d).",
        details: "output: one size or a (height, width) pair; windows as for adaptive_maxpool, each divided by its own size."
    ) { arguments, context in
        try adaptivePool(arguments, kind: .average, control: context.control)
    }

    /// adaptive_maxpool/adaptive_avgpool: a rank-1 x pools one axis, any other the last two
    /// (one output size then means a square, as torch's int argument does).
    private static func adaptivePool(_ arguments: BoundArguments, kind: PoolingLayer.Kind,
                                     control: ExecutionControl) throws -> Value {
        let input = try arguments.operand("x")
        var output = try arguments.integers("output")
        if input.value.rank != 1 && output.count == 1 { output += output }
        return Value(operand: try input.adaptivePooled(to: output, kind: kind, control: control))
    }

    private static let layerOptions: [Parameter] = [
        Parameter("stride", kind: .namedOnly, default: .number(1)),
        Parameter("padding", kind: .namedOnly, default: .number(0)),
        Parameter("dilation", kind: .namedOnly, default: .number(1)),
        Parameter("groups", kind: .namedOnly, default: .number(1)),
        Parameter("bias", kind: .namedOnly, default: Value.none),
    ]

    private static let poolParameters: [Parameter] = [
        Parameter("x"), Parameter("size"),
        Parameter("stride", kind: .namedOnly, default: Value.none, shownAs: "size"),
        Parameter("padding", kind: .namedOnly, default: .number(0)),
    ]

    /// `mode:` as a signal mode, with the builtin's name in the error.
    private static func signalMode(_ arguments: BoundArguments) throws -> SignalMode {
        let name = try arguments.string("mode")
        guard let mode = SignalMode(rawValue: name) else {
            throw arguments.valueError("mode", "must be \"full\", \"same\" or \"valid\", found \"\(name)\"")
        }
        return mode
    }

    /// conv1d or conv2d of the bound `x`, `w`, `bias:` and options.
    private static func layerConvolution(_ arguments: BoundArguments, spatialRank: Int,
                                         control: ExecutionControl) throws -> Value {
        let bias = arguments.has("bias") ? try arguments.operand("bias") : nil
        return Value(operand: try TensorOperand.convolution(
            arguments.operand("x"), weight: arguments.operand("w"), bias: bias, spatialRank: spatialRank,
            options: convolutionOptions(arguments), control: control))
    }

    /// The options of conv1d/conv2d, each read by its name.
    private static func convolutionOptions(_ arguments: BoundArguments) throws -> ConvolutionOptions {
        ConvolutionOptions(stride: try arguments.integers("stride"), padding: try padding(arguments),
                           dilation: try arguments.integers("dilation"), groups: try arguments.integer("groups"))
    }

    /// `padding:` as a number, a pair, "valid" or "same".
    private static func padding(_ arguments: BoundArguments) throws -> WindowPadding {
        guard case .string(let name) = arguments.value("padding") else {
            return .widths(try arguments.integers("padding"))
        }
        switch name {
        case "valid": return .valid
        case "same": return .same
        default:
            throw arguments.valueError("padding", "must be a number, a pair, \"valid\" or \"same\", found \"\(name)\"")
        }
    }

    /// maxpool or avgpool of the bound arguments; a missing stride means the window's size, and
    /// a rank-1 x pools as max_pool1d/avg_pool1d.
    private static func pool(_ kind: PoolingLayer.Kind, _ arguments: BoundArguments,
                             control: ExecutionControl) throws -> Value {
        let stride = arguments.has("stride") ? try arguments.integers("stride") : nil
        let input = try arguments.operand("x")
        return Value(operand: try input.pooled(kind, spatialRank: input.value.rank == 1 ? 1 : 2,
                                               size: arguments.integers("size"), stride: stride,
                                               padding: arguments.integers("padding"), control: control))
    }
}
