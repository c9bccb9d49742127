/// The inner loop of pooling: reduces the windows of one output row of one plane.
///
/// Each window is clipped to the input before reducing, so the work is bounded by the input's
/// size however large the window and its padding are, and padding is never materialised.
struct PoolingWindow {
    /// The plane's sizes, stride and padding (dilation 1).
    let geometry: WindowPlane
    /// The reduction.
    let kind: Pooling.Kind

    /// Writes output row `row` of the plane starting at `input` into `outputRow`.
    func reduce(row: Int, input: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>) {
        let rows = geometry.rows
        let cols = geometry.columns
        let start = kind == .max ? -Double.infinity : 0
        for column in 0..<cols.output { outputRow[column] = start }
        for inputRow in PoolingWindow.clipped(rows, output: row) {
            let source = input + inputRow * cols.input
            for column in 0..<cols.output {
                let span = PoolingWindow.clipped(cols, output: column)
                var value = outputRow[column]
                switch kind {
                case .max:
                    // NaN wins and stays, as in torch (`value > max || isnan(value)`).
                    for index in span where source[index] > value || source[index].isNaN { value = source[index] }
                case .average:
                    for index in span { value += source[index] }
                }
                outputRow[column] = value
            }
        }
        if kind == .average {
            let divisor = Double(geometry.kernelCount)
            for column in 0..<cols.output { outputRow[column] /= divisor }
        }
    }

    /// The input indices of window `output` along `axis`, clipped to the input.
    private static func clipped(_ axis: WindowAxis, output: Int) -> Range<Int> {
        let first = output * axis.stride - axis.padBefore
        let lower = max(0, first)
        return lower..<max(lower, min(axis.input, first + axis.kernel))
    }
}
