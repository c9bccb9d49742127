/// The input's channels copied into padded planes (zero/fill or wrapped borders), so the
/// forward pass reads windows without bounds checks, independently of the connection enumerator.
struct PaddedPlanes {
    private let plane: PlaneGeometry
    private let height: Int
    private let width: Int
    private let values: [Double]

    /// Pads every channel of `input` by the plan's padding, with `fill` or by wrapping, after
    /// checking the copy against `control`'s cap.
    init(_ input: Tensor, plan: PlaneGeometry, channels: Int, fill: Double, control: ExecutionControl) throws {
        let bottom = max(0, (plan.outputHeight - 1) * plan.strideRows
            + (plan.kernelHeight - 1) * plan.dilationRows + 1 - plan.padTop - plan.inputHeight)
        let right = max(0, (plan.outputWidth - 1) * plan.strideColumns
            + (plan.kernelWidth - 1) * plan.dilationColumns + 1 - plan.padLeft - plan.inputWidth)
        height = plan.padTop + plan.inputHeight + bottom
        width = plan.padLeft + plan.inputWidth + right
        try control.checkAllocation(try Tensor.elementCount(of: [channels, height, width]))
        var values = [Double](repeating: fill, count: channels * height * width)
        for channel in 0..<channels {
            for row in 0..<height {
                guard let source = PaddedPlanes.fold(row - plan.padTop, plan.inputHeight, plan.wraps) else { continue }
                for column in 0..<width {
                    guard let sourceColumn = PaddedPlanes.fold(column - plan.padLeft, plan.inputWidth, plan.wraps)
                    else { continue }
                    values[(channel * height + row) * width + column] =
                        input.scalars[(channel * plan.inputHeight + source) * plan.inputWidth + sourceColumn]
                }
            }
        }
        self.plane = plan
        self.values = values
    }

    /// The padded value under tap (`tapRow`, `tapColumn`) of output (`row`, `column`).
    @inline(__always)
    func value(channel: Int, row: Int, column: Int, tapRow: Int, tapColumn: Int) -> Double {
        let paddedRow = row * plane.strideRows + tapRow * plane.dilationRows
        let paddedColumn = column * plane.strideColumns + tapColumn * plane.dilationColumns
        return values[(channel * height + paddedRow) * width + paddedColumn]
    }

    private static func fold(_ position: Int, _ extent: Int, _ wraps: Bool) -> Int? {
        if position >= 0 && position < extent { return position }
        guard wraps else { return nil }
        let folded = position % extent
        return folded < 0 ? folded + extent : folded
    }
}
