/// The output size of a signal-processing convolution, as in `scipy.signal.convolve`.
public enum SignalMode: String, Sendable, CaseIterable {
    /// Every position where input and kernel overlap: `n + m - 1` per axis.
    case full
    /// The input's size, centred on the full result as scipy's `_centered` does.
    case same
    /// Only positions where one operand lies wholly inside the other: `|n - m| + 1` per axis.
    case valid

    /// scipy's padding for this mode on an axis of `input` units with a `kernel`-tap kernel:
    /// `full` pads k − 1 on both sides, `same` crops the full result from ⌊(k − 1) / 2⌋ (so an
    /// even kernel's extra unit goes before), and `valid` pads nothing, unless the kernel is
    /// the longer one: scipy then swaps the operands, which is the same as padding k − n on
    /// both sides (and needs the kernel to be the longer one on every axis, which
    /// `SignalConvolution` checks).
    public func padding(input: Int, kernel: Int) -> Padding {
        let reach = kernel - 1
        switch self {
        case .full: return .full(reach: reach)
        case .same: return .same(reach: reach, extraUnitBefore: true)
        case .valid: return .symmetric(max(0, kernel - input))
        }
    }
}
