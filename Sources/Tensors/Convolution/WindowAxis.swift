/// One spatial axis of a sliding-window operation: the sizes, the step, the spacing of the
/// kernel's taps, the zeros placed before the input, and the resulting output length.
///
/// Output index `j` and kernel tap `q` read input index
/// `j * stride - padBefore + q * dilation`; indices outside `0..<input` are the padding.
struct WindowAxis: Sendable, Equatable {
    /// The input's length along this axis.
    var input: Int
    /// The kernel's (or pooling window's) length.
    var kernel: Int
    /// The step between neighbouring outputs, in input elements.
    var stride: Int = 1
    /// The step between neighbouring kernel taps, in input elements.
    var dilation: Int = 1
    /// The number of padding elements before the first input element.
    var padBefore: Int = 0
    /// The number of outputs along this axis.
    var output: Int

    /// The span of input elements one output sees: `dilation * (kernel - 1) + 1`.
    var effectiveKernel: Int { dilation * (kernel - 1) + 1 }

    /// The outputs whose tap `tap` falls inside the input rather than the padding.
    func outputsInside(tap: Int) -> Range<Int> {
        let offset = tap * dilation - padBefore
        let first = max(0, WindowAxis.ceilDivide(-offset, stride))
        let last = min(output - 1, WindowAxis.floorDivide(input - 1 - offset, stride))
        return first..<max(first, last + 1)
    }

    /// The input index read by output `index` at tap `tap` (may lie in the padding).
    @inline(__always)
    func inputIndex(output index: Int, tap: Int) -> Int {
        index * stride - padBefore + tap * dilation
    }

    /// `floor(numerator / denominator)` for a positive denominator.
    static func floorDivide(_ numerator: Int, _ denominator: Int) -> Int {
        numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
    }

    /// `ceil(numerator / denominator)` for a positive denominator.
    static func ceilDivide(_ numerator: Int, _ denominator: Int) -> Int {
        -floorDivide(-numerator, denominator)
    }
}
