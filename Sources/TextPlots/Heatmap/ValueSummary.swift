import Tensors

/// What a heatmap needs to know about all of its values, found in one pass that stops
/// promptly on an interrupt (a plot of millions of values is a long loop in a debug build).
struct ValueSummary {
    /// The smallest and largest finite values; nil when no value is finite.
    private(set) var finiteRange: ClosedRange<Double>?
    private(set) var hasNaN = false
    private(set) var hasPositiveInfinity = false
    private(set) var hasNegativeInfinity = false

    /// Scans `values`, checking `control` for an interrupt every 64 Ki values.
    init(_ values: [Double], control: ExecutionControl) throws {
        var low = Double.infinity
        var high = -Double.infinity
        for (index, value) in values.enumerated() {
            if index & 0xFFFF == 0 { try control.checkInterrupt() }
            if value.isFinite {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            } else if value.isNaN {
                hasNaN = true
            } else if value > 0 {
                hasPositiveInfinity = true
            } else {
                hasNegativeInfinity = true
            }
        }
        finiteRange = low <= high ? low...high : nil
    }
}
