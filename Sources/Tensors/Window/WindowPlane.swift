/// The two axes of a plane, for the loops that run over rows and columns; a 1-D window is a
/// plane of one row.
struct WindowPlane: Sendable, Equatable {
    /// The vertical axis (height).
    var rows: WindowAxis
    /// The horizontal axis (width), contiguous in memory.
    var columns: WindowAxis

    /// A plane from its two axes.
    init(rows: WindowAxis, columns: WindowAxis) {
        self.rows = rows
        self.columns = columns
    }

    /// The plane of one or two axes (a single axis becomes the columns of one row).
    init(_ axes: [WindowAxis]) {
        if axes.count == 2 {
            self.init(rows: axes[0], columns: axes[1])
        } else {
            self.init(rows: .single, columns: axes[0])
        }
    }

    /// Elements in one input plane.
    var inputCount: Int { rows.input * columns.input }
    /// Elements in one kernel.
    var kernelCount: Int { rows.kernel * columns.kernel }
    /// Elements in one output plane.
    var outputCount: Int { rows.output * columns.output }
    /// Whether some padding holds a fill other than zeros.
    var foldsPadding: Bool { rows.fill != .zero && rows.padding != .none || columns.fill != .zero && columns.padding != .none }
    /// The same windows over the padded input written out.
    var unpadded: WindowPlane { WindowPlane(rows: rows.unpadded, columns: columns.unpadded) }
}
