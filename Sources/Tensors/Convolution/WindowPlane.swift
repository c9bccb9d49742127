/// The two spatial axes of a plane; a 1-D operation is a plane of one row.
struct WindowPlane: Sendable, Equatable {
    /// The vertical axis (height).
    var rows: WindowAxis
    /// The horizontal axis (width), contiguous in memory.
    var columns: WindowAxis

    /// A plane geometry for a 1-D operation: one row, the axis along the columns.
    static func oneDimensional(_ axis: WindowAxis) -> WindowPlane {
        WindowPlane(rows: WindowAxis(input: 1, kernel: 1, output: 1), columns: axis)
    }

    /// Elements in one input plane.
    var inputCount: Int { rows.input * columns.input }
    /// Elements in one kernel.
    var kernelCount: Int { rows.kernel * columns.kernel }
}
