/// The inner loop of pooling: reduces the windows of one output row of one plane.
///
/// Each window is clipped to the input before reducing (the taps on zero padding are skipped),
/// so the work is bounded by the input's size however large the window and its padding are,
/// and padding is never materialised.
struct PoolingWindow {
    /// The plane's sizes, strides, dilations and padding.
    let geometry: WindowPlane
    /// The reduction.
    let kind: PoolingLayer.Kind
    /// For each output column, the taps that land on the input.
    private let columnTaps: [Range<Int>]

    /// Prepares the reduction of `geometry`'s windows.
    init(geometry: WindowPlane, kind: PoolingLayer.Kind) {
        self.geometry = geometry
        self.kind = kind
        columnTaps = (0..<geometry.columns.output).map { geometry.columns.tapsInside(output: $0) }
    }

    /// Writes output row `row` of the plane starting at `input` into `outputRow`.
    func reduce(row: Int, input: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>) {
        let rows = geometry.rows
        let columns = geometry.columns
        let step = columns.dilation
        for column in 0..<columns.output { outputRow[column] = kind == .max ? -Double.infinity : 0 }
        for tapRow in rows.tapsInside(output: row) {
            let source = input + rows.position(output: row, tap: tapRow) * columns.input
            for column in 0..<columns.output {
                let taps = columnTaps[column]
                var index = columns.position(output: column, tap: taps.lowerBound)
                var value = outputRow[column]
                switch kind {
                case .max:
                    // NaN wins and stays, as in torch (`value > max || isnan(value)`).
                    for _ in taps {
                        let element = source[index]
                        if element > value || element.isNaN { value = element }
                        index &+= step
                    }
                case .average:
                    for _ in taps {
                        value += source[index]
                        index &+= step
                    }
                }
                outputRow[column] = value
            }
        }
        if kind == .average {
            let divisor = Double(geometry.kernelCount)
            for column in 0..<columns.output { outputRow[column] /= divisor }
        }
    }
}
