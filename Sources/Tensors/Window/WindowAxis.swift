/// A sliding window on one axis: the one model of where a kernel (or pooling window) lands.
/// Every convolution, pooling, layer, connectivity and receptive-field computation reads its
/// geometry from here, and so will the backward passes.
///
/// Output `j` and kernel tap `q` read padded position `j·stride − before + q·dilation`
/// (`position(output:tap:)`); positions in `0..<input` are the input, the others the padding,
/// which holds zeros or, with another `fill`, input values folded back onto the axis
/// (`source(output:tap:)`). `readers(ofInput:)` is the inverse map: the (output, tap) pairs
/// that read one input index, which the gradient with respect to the input sums over.
///
/// The number of outputs is torch's and scipy's formula, written only here:
/// `⌊(input + before + after − dilation·(kernel − 1) − 1) / stride⌋ + 1`.
public struct WindowAxis: Sendable, Hashable {
    /// The input's length along this axis.
    public let input: Int
    /// The kernel's (or pooling window's) number of taps.
    public let kernel: Int
    /// The step between neighbouring outputs, in input units.
    public let stride: Int
    /// The step between neighbouring taps, in input units (1 = adjacent).
    public let dilation: Int
    /// The padding units before the first and after the last input unit.
    public let padding: Padding
    /// What the padding holds: zeros, or input values reflected, repeated or wrapped.
    public let fill: PaddingMode
    /// The number of outputs (at least 1).
    public let output: Int

    /// The window of `kernel` taps over `input` units, or nil when it does not fit the padded
    /// input even once. Sizes are at least 1, stride and dilation at least 1, padding at least 0
    /// and the reach an Int (`WindowOptions` checks that), so that no padded position overflows.
    init?(input: Int, kernel: Int, stride: Int = 1, dilation: Int = 1, padding: Padding = .none,
          fill: PaddingMode = .zero) {
        let output = WindowAxis.outputCount(input: input, kernel: kernel, stride: stride, dilation: dilation,
                                            padding: padding)
        guard output >= 1 else { return nil }
        self.init(validated: input, kernel, stride, dilation, padding, fill, output)
    }

    /// The output-size formula (≤ 0 when the window does not fit, or the padded input is
    /// too long to count).
    static func outputCount(input: Int, kernel: Int, stride: Int, dilation: Int, padding: Padding) -> Int {
        let (padded, overflow) = input.addingReportingOverflow(padding.before + padding.after)
        guard !overflow else { return 0 }
        return floorDivide(padded - WindowAxis.reach(kernel: kernel, dilation: dilation) - 1, stride) + 1
    }

    /// The distance from the first tap to the last: `dilation·(kernel − 1)`.
    static func reach(kernel: Int, dilation: Int) -> Int { dilation * (kernel - 1) }

    /// The distance from the first tap to the last: `dilation·(kernel − 1)`.
    public var reach: Int { WindowAxis.reach(kernel: kernel, dilation: dilation) }

    /// The units one output spans: `reach + 1`.
    public var span: Int { reach + 1 }

    /// The padded positions the windows read, from `-padding.before`: `(output − 1)·stride + span`
    /// (the tail that no window reaches when the stride does not divide evenly is left out).
    public var paddedExtent: Int { (output - 1) * stride + span }

    /// The same windows over the input with its padding written out (`before + input + after`
    /// units, as `Tensor.padded` makes it) and no padding of their own.
    public var unpadded: WindowAxis {
        WindowAxis(validated: padding.before + input + padding.after, kernel, stride, dilation, .none, .zero, output)
    }

    /// The padded position that output `index` reads at tap `tap` (may lie in the padding).
    @inline(__always)
    public func position(output index: Int, tap: Int) -> Int {
        index &* stride &- padding.before &+ tap &* dilation
    }

    /// The input index that output `index` reads at tap `tap`, or nil when it reads a zero of
    /// the padding; other fills fold the position back onto the input.
    @inline(__always)
    public func source(output index: Int, tap: Int) -> Int? {
        let position = position(output: index, tap: tap)
        if position >= 0 && position < input { return position }
        return fill.source(position, size: input)
    }

    /// The outputs whose tap `tap` lands on the input rather than the padding.
    public func outputsInside(tap: Int) -> Range<Int> {
        let offset = tap * dilation - padding.before
        let first = max(0, WindowAxis.ceilDivide(-offset, stride))
        let last = min(output - 1, WindowAxis.floorDivide(input - 1 - offset, stride))
        return first..<max(first, last + 1)
    }

    /// The taps of output `index` that land on the input rather than the padding.
    @inline(__always)
    public func tapsInside(output index: Int) -> Range<Int> {
        let offset = index * stride - padding.before
        let first = max(0, WindowAxis.ceilDivide(-offset, dilation))
        let last = min(kernel - 1, WindowAxis.floorDivide(input - 1 - offset, dilation))
        return first..<max(first, last + 1)
    }

    /// One input, one tap, one output: the row axis of a 1-D window seen as a plane.
    static let single = WindowAxis(validated: 1, 1, 1, 1, .none, .zero, 1)

    /// A window known to fit, with its output count already computed.
    init(validated input: Int, _ kernel: Int, _ stride: Int, _ dilation: Int, _ padding: Padding,
         _ fill: PaddingMode, _ output: Int) {
        self.input = input
        self.kernel = kernel
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
        self.fill = fill
        self.output = output
    }

    /// `floor(numerator / denominator)` for a positive denominator.
    @inline(__always)
    static func floorDivide(_ numerator: Int, _ denominator: Int) -> Int {
        numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
    }

    /// `ceil(numerator / denominator)` for a positive denominator.
    @inline(__always)
    static func ceilDivide(_ numerator: Int, _ denominator: Int) -> Int {
        -floorDivide(-numerator, denominator)
    }
}
