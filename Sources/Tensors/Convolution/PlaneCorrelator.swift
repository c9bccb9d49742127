/// The inner loop of every convolution here: adds the cross-correlation of one input plane
/// with one kernel into a stretch of one output row.
///
/// Each kernel tap becomes one `output[j] += weight * input[j * stride + offset]` over the
/// outputs whose tap lies inside the input, so the padding costs nothing (no padded copy) and,
/// for stride 1, the loop is a contiguous multiply-add the optimiser vectorises.
struct PlaneCorrelator {
    /// The sizes, strides, dilations and padding of the plane.
    let geometry: WindowPlane
    private let columnSpans: [Range<Int>]

    /// Prepares the per-tap column spans of `geometry`.
    init(_ geometry: WindowPlane) {
        self.geometry = geometry
        columnSpans = (0..<geometry.columns.kernel).map { geometry.columns.outputsInside(tap: $0) }
    }

    /// Adds the correlation at output row `row`, output columns `columns`, to `outputRow`
    /// (which points at column 0 of that row).
    func accumulate(row: Int, columns: Range<Int>, input: UnsafePointer<Double>,
                    kernel: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>) {
        let rows = geometry.rows
        let cols = geometry.columns
        for tapRow in 0..<rows.kernel {
            let inputRowIndex = rows.inputIndex(output: row, tap: tapRow)
            guard inputRowIndex >= 0, inputRowIndex < rows.input else { continue }
            let inputRow = input + inputRowIndex * cols.input
            let weights = kernel + tapRow * cols.kernel
            for tap in 0..<cols.kernel {
                let span = columnSpans[tap].clamped(to: columns)
                guard !span.isEmpty else { continue }
                let source = inputRow + cols.inputIndex(output: span.lowerBound, tap: tap)
                PlaneCorrelator.addScaled(weights[tap], source, stride: cols.stride,
                                          into: outputRow + span.lowerBound, count: span.count)
            }
        }
    }

    /// `target[j] += weight * source[j * stride]` for `j` in `0..<count`.
    @inline(__always)
    static func addScaled(_ weight: Double, _ source: UnsafePointer<Double>, stride: Int,
                          into target: UnsafeMutablePointer<Double>, count: Int) {
        if stride == 1 {
            for j in 0..<count { target[j] += weight * source[j] }
        } else {
            for j in 0..<count { target[j] += weight * source[j * stride] }
        }
    }
}
