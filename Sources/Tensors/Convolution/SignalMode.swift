/// The output size of a signal-processing convolution, as in `scipy.signal.convolve`.
public enum SignalMode: String, Sendable, CaseIterable {
    /// Every position where input and kernel overlap: `n + m - 1` per axis.
    case full
    /// The input's size, centred on the full result as scipy's `_centered` does.
    case same
    /// Only positions where one operand lies wholly inside the other: `|n - m| + 1` per axis.
    case valid
}
