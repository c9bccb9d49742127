import Tensors
import TextPlots

extension Builtins {
    /// `window`: a convolution step by step (docs/language.md, "Interaction"; the book's figure 9.1).
    static var windowSteps: [Builtin] {
        [window]
    }

    /// The largest input `window` draws, per axis: wider grids do not fit a notebook's width.
    static let windowMaximumInput = 32
    /// The largest kernel `window` writes out, per axis (81 products at most).
    static let windowMaximumKernel = 9

    private static let window = Builtin(
        "window",
        [Parameter("x"), Parameter("k"), Parameter("at", kind: .namedOnly, default: .number(0)),
         Parameter("mode", kind: .namedOnly, default: .string("valid")),
         Parameter("stride", kind: .namedOnly, default: .number(1)),
         Parameter("padding", kind: .namedOnly, default: Value.none),
         Parameter("dilation", kind: .namedOnly, default: .number(1)), charsetParameter],
        summary: "One step of a convolution as figure 9.1 draws it: the window at output `at`, the products summed, the output so far.",
        details: """
            x and k are 1-D or 2-D (the same rank); the step is cross-correlation, as the book's
            figure and correlate(x, k, mode:) compute it. at is the output position, a number
            (row-major over the output, so fn step(i) = window(x, k, at: i) animates every step)
            or a pair. mode is "valid", "same" or "full" as in correlate; padding: n (or a pair)
            pads with zeros instead, as conv2d does, and stride: and dilation: space the outputs
            and the taps: the input units one output sees are bracketed, padding is drawn as ·.
            Inputs up to 32 units a side, kernels up to 9. charset: "ascii" draws padding as . and
            products with *.
            """
    ) { arguments, context in
        let x = try arguments.tensor("x"), k = try arguments.tensor("k")
        guard (1...2).contains(x.rank), x.rank == k.rank else {
            throw RuntimeError(.shape, "window: expected x and k of the same rank, 1 or 2, found x \(Tensor.describe(x.shape)) and k \(Tensor.describe(k.shape))")
        }
        guard x.shape.allSatisfy({ (1...windowMaximumInput).contains($0) }),
              k.shape.allSatisfy({ (1...windowMaximumKernel).contains($0) }) else {
            throw RuntimeError(.limit, "window draws inputs of at most \(windowMaximumInput) and kernels of at most "
                + "\(windowMaximumKernel) units a side, found x \(Tensor.describe(x.shape)) and k \(Tensor.describe(k.shape)); crop the input")
        }
        let strides = try arguments.integers("stride"), dilations = try arguments.integers("dilation")
        let paddings: [Padding]
        if arguments.has("padding") {
            guard try arguments.string("mode") == "valid" else {
                throw arguments.valueError("padding", "and mode both set the padding: give one of them")
            }
            let widths = try arguments.integers("padding")
            guard widths.count == 1 || widths.count == x.rank, widths.allSatisfy({ (0...windowMaximumInput).contains($0) }) else {
                throw arguments.valueError("padding", "takes one width or one per axis, each 0…\(windowMaximumInput)")
            }
            paddings = (0..<x.rank).map { Padding.symmetric(widths[widths.count == 1 ? 0 : $0]) }
        } else {
            let name = try arguments.string("mode")
            guard let mode = SignalMode(rawValue: name) else {
                throw arguments.valueError("mode", "must be \"valid\", \"same\" or \"full\", found \"\(name)\"")
            }
            if mode == .valid, zip(x.shape, k.shape).contains(where: { $0 < $1 }) {
                throw RuntimeError(.shape, "window: in mode \"valid\" the kernel \(Tensor.describe(k.shape)) must fit inside x \(Tensor.describe(x.shape))")
            }
            paddings = (0..<x.rank).map { axis in
                let dilation = dilations[dilations.count == 1 ? 0 : min(axis, dilations.count - 1)]
                return mode.padding(input: x.shape[axis], kernel: dilation * (k.shape[axis] - 1) + 1)
            }
        }
        let geometry = try WindowOptions(stride: strides, padding: .pairs(paddings), dilation: dilations)
            .window(kernelShape: k.shape, name: "window")
        let axes = try geometry.axes(input: x.shape, name: "window")
        let outputShape = axes.map(\.output)
        let index = try outputIndex(arguments, shape: outputShape)
        return .plot(WindowStep.render(input: x, kernel: k, axes: axes, at: index,
                                       width: context.renderOptions.width, charset: try charset(arguments, context)))
    }

    /// `at:` as a row-major index into an output of `shape`: a number, or one index per axis.
    private static func outputIndex(_ arguments: BoundArguments, shape: [Int]) throws -> Int {
        let count = shape.reduce(1, *)
        let given = try arguments.integers("at")
        let index: Int
        if given.count == 1 {
            index = given[0]
        } else if given.count == shape.count, zip(given, shape).allSatisfy({ (0..<$1).contains($0) }) {
            index = zip(given, shape).reduce(0) { $0 * $1.1 + $1.0 }
        } else {
            throw arguments.valueError("at", "must be an output position in \(Tensor.describe(shape)), found \(given)")
        }
        guard (0..<count).contains(index) else {
            throw arguments.valueError("at", "must be a step in 0..<\(count) (the output is \(Tensor.describe(shape))), found \(index)")
        }
        return index
    }
}
