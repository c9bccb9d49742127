/// The inner loop of pooling: reduces the windows of one output row of one plane.
///
/// Like `PlaneCorrelator`, it walks tap by tap over the outputs whose tap lies inside the
/// input, so padding never has to be materialised.
struct PoolingWindow {
    /// The plane's sizes, stride and padding (dilation 1).
    let geometry: WindowPlane
    /// The reduction.
    let kind: Pooling.Kind
    private let columnSpans: [Range<Int>]

    /// Prepares the per-tap column spans.
    init(_ geometry: WindowPlane, kind: Pooling.Kind) {
        self.geometry = geometry
        self.kind = kind
        columnSpans = (0..<geometry.columns.kernel).map { geometry.columns.outputsInside(tap: $0) }
    }

    /// Writes output row `row` of the plane starting at `input` into `outputRow`.
    func reduce(row: Int, input: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>) {
        let rows = geometry.rows
        let cols = geometry.columns
        let start = kind == .max ? -Double.infinity : 0
        for column in 0..<cols.output { outputRow[column] = start }
        for tapRow in 0..<rows.kernel {
            let inputRowIndex = rows.inputIndex(output: row, tap: tapRow)
            guard inputRowIndex >= 0, inputRowIndex < rows.input else { continue }
            let inputRow = input + inputRowIndex * cols.input
            for tap in 0..<cols.kernel {
                let span = columnSpans[tap]
                let offset = cols.inputIndex(output: 0, tap: tap)
                switch kind {
                case .max:
                    for j in span {
                        let value = inputRow[j * cols.stride + offset]
                        if value > outputRow[j] || value.isNaN { outputRow[j] = value }
                    }
                case .average:
                    for j in span { outputRow[j] += inputRow[j * cols.stride + offset] }
                }
            }
        }
        if kind == .average {
            let divisor = Double(geometry.kernelCount)
            for column in 0..<cols.output { outputRow[column] /= divisor }
        }
    }
}
