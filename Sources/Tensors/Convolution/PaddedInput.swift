/// A copy of every input plane with its zero padding written out, trimmed to the rows and
/// columns the windows actually read, so the blocked kernel never tests a border.
struct PaddedInput {
    /// Rows of each padded plane.
    let rows: Int
    /// Columns of each padded plane.
    let columns: Int
    /// The planes, one after another.
    let scalars: [Double]

    /// Planes that need no padding, as they are (no copy).
    init(unpadded scalars: [Double], rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    /// Pads the `planes` planes of `input` (each `geometry.inputCount` elements).
    init(_ input: UnsafePointer<Double>, planes: Int, geometry: WindowPlane, control: ExecutionControl) throws {
        let rowAxis = geometry.rows
        let columnAxis = geometry.columns
        let rows = rowAxis.paddedExtent
        let columns = columnAxis.paddedExtent
        let count = try Tensor.elementCount(of: [planes, rows, columns])
        try control.checkAllocation(count)
        var scalars = [Double](zeroedTensorStorage: count)
        let rowCount = min(rowAxis.input, rows - rowAxis.padding.before)
        let columnCount = min(columnAxis.input, columns - columnAxis.padding.before)
        if rowCount > 0, columnCount > 0 {
            scalars.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for plane in 0..<planes {
                    for row in 0..<rowCount {
                        let source = input + plane * geometry.inputCount + row * columnAxis.input
                        let target = base + (plane * rows + row + rowAxis.padding.before) * columns
                            + columnAxis.padding.before
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
