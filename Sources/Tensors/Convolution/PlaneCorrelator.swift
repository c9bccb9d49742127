/// The inner loop of every convolution here: adds the cross-correlation of one input plane
/// with one kernel into a stretch of one output row.
///
/// Output columns whose taps all fall inside the input (the interior, when the stride is 1)
/// are computed by a C kernel (`VectorKernel.correlateRow`), a vector of outputs at a time
/// summed across every tap in registers, and stored once. The border columns and strided rows
/// go tap by tap, `output[j] += weight * input[j * stride + offset]` over the outputs whose tap
/// lies inside the input, so padding is never copied.
struct PlaneCorrelator {
    /// The sizes, strides, dilations and padding of the plane.
    let geometry: WindowPlane
    /// The instructions of the interior columns' C kernel.
    let vectorKernel: VectorKernel
    private let columnSpans: [Range<Int>]
    private let interior: Range<Int>

    /// Prepares the per-tap column spans of `geometry` and the interior columns.
    init(_ geometry: WindowPlane, kernel: VectorKernel = .best) {
        self.geometry = geometry
        vectorKernel = kernel
        columnSpans = (0..<geometry.columns.kernel).map { geometry.columns.outputsInside(tap: $0) }
        let first = columnSpans.map(\.lowerBound).max() ?? 0
        let last = columnSpans.map(\.upperBound).min() ?? 0
        interior = geometry.columns.stride == 1 && first < last ? first..<last : 0..<0
    }

    /// Adds the correlation at output row `row`, output columns `columns`, to `outputRow`
    /// (which points at column 0 of that row); with `initial`, the row is first set to it
    /// (this saves a pass over the row for the first input channel).
    func accumulate(row: Int, columns: Range<Int>, input: UnsafePointer<Double>,
                    kernel: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>,
                    startingAt initial: Double? = nil) {
        let inside = interior.clamped(to: columns)
        let before = columns.lowerBound..<(inside.isEmpty ? columns.upperBound : inside.lowerBound)
        let after = (inside.isEmpty ? columns.upperBound : inside.upperBound)..<columns.upperBound
        if let initial {
            for column in before { outputRow[column] = initial }
            for column in after { outputRow[column] = initial }
        }
        accumulateByTap(row: row, columns: before, input: input, kernel: kernel, into: outputRow)
        accumulateInterior(row: row, columns: inside, input: input, kernel: kernel, into: outputRow, startingAt: initial)
        accumulateByTap(row: row, columns: after, input: input, kernel: kernel, into: outputRow)
    }

    /// Interior columns (stride 1): the C kernel, every tap summed in vector registers and each
    /// output stored once.
    private func accumulateInterior(row: Int, columns: Range<Int>, input: UnsafePointer<Double>,
                                    kernel: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>,
                                    startingAt initial: Double?) {
        guard !columns.isEmpty else { return }
        let rows = geometry.rows
        let cols = geometry.columns
        let taps = rows.tapsInside(output: row)
        let firstTap = taps.first ?? 0
        // With no tap row inside the input, nothing is read: the kernel only stores the start.
        let firstRow = taps.isEmpty ? 0 : rows.position(output: row, tap: firstTap)
        vectorKernel.correlateRow(
            source: input + firstRow * cols.input + (columns.lowerBound - cols.padding.before),
            rowStep: rows.dilation * cols.input, columnStep: cols.dilation, tapRows: taps.count,
            kernelColumns: cols.kernel, weights: kernel + firstTap * cols.kernel,
            into: outputRow + columns.lowerBound, count: columns.count, startingAt: initial)
    }

    /// Any columns, any stride: one multiply-add pass per tap over the outputs it reaches.
    private func accumulateByTap(row: Int, columns: Range<Int>, input: UnsafePointer<Double>,
                                 kernel: UnsafePointer<Double>, into outputRow: UnsafeMutablePointer<Double>) {
        guard !columns.isEmpty else { return }
        let rows = geometry.rows
        let cols = geometry.columns
        for tapRow in rows.tapsInside(output: row) {
            let inputRow = input + rows.position(output: row, tap: tapRow) * cols.input
            let weights = kernel + tapRow * cols.kernel
            for tap in 0..<cols.kernel {
                let span = columnSpans[tap].clamped(to: columns)
                guard !span.isEmpty else { continue }
                let source = inputRow + cols.position(output: span.lowerBound, tap: tap)
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
