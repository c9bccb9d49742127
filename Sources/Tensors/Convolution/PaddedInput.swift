/// A copy of every input plane with its zero padding written out, trimmed to the rows and
/// columns the windows actually read, so the blocked kernel never tests a border.
struct PaddedInput {
    /// Rows of each padded plane.
    let rows: Int
    /// Columns of each padded plane.
    let columns: Int
    /// The planes, one after another.
    let scalars: [Double]

    /// Pads the `planes` planes of `input` (each `geometry.inputCount` elements), after
    /// checking the copy against `control`'s cap.
    init(_ input: UnsafePointer<Double>, planes: Int, geometry: WindowPlane, control: ExecutionControl) throws {
        let rowAxis = geometry.rows
        let columnAxis = geometry.columns
        let rows = (rowAxis.output - 1) * rowAxis.stride + rowAxis.effectiveKernel
        let columns = (columnAxis.output - 1) * columnAxis.stride + columnAxis.effectiveKernel
        let count = try Tensor.elementCount(of: [planes, rows, columns])
        try control.checkAllocation(count)
        var scalars = [Double](repeating: 0, count: count)
        let firstRow = max(0, -rowAxis.padBefore)
        let rowCount = min(rowAxis.input, rows - rowAxis.padBefore) - firstRow
        let firstColumn = max(0, -columnAxis.padBefore)
        let columnCount = min(columnAxis.input, columns - columnAxis.padBefore) - firstColumn
        if rowCount > 0, columnCount > 0 {
            scalars.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for plane in 0..<planes {
                    for row in firstRow..<(firstRow + rowCount) {
                        let source = input + plane * geometry.inputCount + row * columnAxis.input + firstColumn
                        let target = base + (plane * rows + row + rowAxis.padBefore) * columns
                            + firstColumn + columnAxis.padBefore
                        target.update(from: source, count: columnCount)
                    }
                }
            }
        }
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }
}
