/// A spatial plan flattened to two axes (a 1-D layer is a 2-D one of height 1), so the forward
/// pass and the connection enumerator need one loop nest each.
struct PlaneGeometry {
    let kernelHeight: Int, kernelWidth: Int
    let strideRows: Int, strideColumns: Int
    let dilationRows: Int, dilationColumns: Int
    let padTop: Int, padLeft: Int
    let inputHeight: Int, inputWidth: Int
    let outputHeight: Int, outputWidth: Int
    let wraps: Bool

    /// Flattens `plan` to two axes.
    init(_ plan: SpatialPlan) {
        let geometry = plan.geometry
        let lifted = geometry.spatialRank == 1
        func pick(_ values: [Int], _ axis: Int, unit: Int) -> Int {
            lifted ? (axis == 0 ? unit : values[0]) : values[axis]
        }
        kernelHeight = pick(geometry.kernelShape, 0, unit: 1)
        kernelWidth = pick(geometry.kernelShape, 1, unit: 1)
        strideRows = pick(geometry.stride, 0, unit: 1)
        strideColumns = pick(geometry.stride, 1, unit: 1)
        dilationRows = pick(geometry.dilation, 0, unit: 1)
        dilationColumns = pick(geometry.dilation, 1, unit: 1)
        padTop = pick(geometry.padding.map(\.before), 0, unit: 0)
        padLeft = pick(geometry.padding.map(\.before), 1, unit: 0)
        inputHeight = pick(plan.spatialIn, 0, unit: 1)
        inputWidth = pick(plan.spatialIn, 1, unit: 1)
        outputHeight = pick(plan.spatialOut, 0, unit: 1)
        outputWidth = pick(plan.spatialOut, 1, unit: 1)
        wraps = geometry.paddingMode == .wrap
    }

    /// The input row that kernel row `tap` of output row `row` reads, or nil when it falls in
    /// zero padding (wrap padding folds it back into the input).
    @inline(__always)
    func inputRow(_ row: Int, tap: Int) -> Int? {
        locate(row * strideRows - padTop + tap * dilationRows, extent: inputHeight)
    }

    /// The input column that kernel column `tap` of output column `column` reads, or nil.
    @inline(__always)
    func inputColumn(_ column: Int, tap: Int) -> Int? {
        locate(column * strideColumns - padLeft + tap * dilationColumns, extent: inputWidth)
    }

    @inline(__always)
    private func locate(_ position: Int, extent: Int) -> Int? {
        if position >= 0 && position < extent { return position }
        guard wraps else { return nil }
        let folded = position % extent
        return folded < 0 ? folded + extent : folded
    }
}
