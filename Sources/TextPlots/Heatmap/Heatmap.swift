import Tensors

/// Heatmaps: a rank-2 tensor (rank 1 as one row, rank 3 as a row of channels) drawn with a
/// character ramp, a frame with tick labels and a legend.
public enum Heatmap {
    /// Draws `tensor`; `sessionWidth` is used when `options.width` is nil, and `control`
    /// interrupts the scan of a large tensor.
    public static func render(_ tensor: Tensor, options: HeatmapOptions, sessionWidth: Int,
                              control: ExecutionControl) throws -> Figure {
        try validate(options)
        let width = options.width ?? sessionWidth
        let charset = options.charset
        let ramp = options.drawnRamp
        let (channels, rows, columns) = try planes(of: tensor)
        var lines: [StyledLine] = options.title.map { [StyledLine(charset.spell($0))] } ?? []
        guard rows > 0, columns > 0 else {
            lines.append(StyledLine(charset.spell("(empty \(Tensor.describe(tensor.shape)) tensor: nothing to draw)")))
            return StyledLine.figure(lines, color: false)
        }
        let summary = try ValueSummary(tensor.scalars, control: control)
        let scale = HeatmapScale(summary: summary, zlim: options.zlim, ramp: ramp)
        let gap = 3
        let panelWidth = (width - gap * (channels - 1)) / channels
        let factor = try fitFactor(rows: rows, columns: columns, panelWidth: panelWidth,
                                   maxLines: options.height ?? 40, ramp: ramp,
                                   channels: channels, width: width)
        let panels = try (0..<channels).map { channel in
            let plane = tensor.scalars[(channel * rows * columns)..<((channel + 1) * rows * columns)]
            let grid = try BlockGrid(source: plane, sourceRows: rows, sourceColumns: columns, factor: factor,
                                     control: control)
            return HeatmapPanel(grid: grid, scale: scale, color: options.color, frame: .of(charset),
                                sourceRows: rows, sourceColumns: columns)
        }
        lines += sideBySide(panels, titled: tensor.rank == 3, gap: gap)
        lines += legend(scale: scale, summary: summary, shape: tensor.shape, factor: factor,
                        color: options.color, charset: charset)
        return StyledLine.figure(lines, color: options.color)
    }

    private static func validate(_ options: HeatmapOptions) throws {
        if let width = options.width, width < 12 {
            throw TextPlotsError.invalidOption("heatmap: 'width' must be at least 12 columns, found \(width)")
        }
        if let height = options.height, height < 1 {
            throw TextPlotsError.invalidOption("heatmap: 'height' must be at least 1 line, found \(height)")
        }
        if let zlim = options.zlim,
           !(zlim.lowerBound.isFinite && zlim.upperBound.isFinite && zlim.lowerBound < zlim.upperBound) {
            throw TextPlotsError.invalidOption(
                "heatmap: 'zlim' must be two finite numbers (low, high) with low < high, "
                    + "found (\(zlim.lowerBound), \(zlim.upperBound))")
        }
    }

    /// (channels, rows, columns) of the tensor's planes.
    private static func planes(of tensor: Tensor) throws -> (Int, Int, Int) {
        switch tensor.rank {
        case 1: return (1, 1, tensor.shape[0])
        case 2: return (1, tensor.shape[0], tensor.shape[1])
        // No channels is an empty picture, reported like any other empty tensor.
        case 3 where tensor.shape[0] == 0: return (1, 0, tensor.shape[2])
        case 3: return (tensor.shape[0], tensor.shape[1], tensor.shape[2])
        default:
            throw TextPlotsError.invalidInput(
                "heatmap: expected a tensor of rank 1, 2 or 3 (channels×rows×columns), found "
                    + "\(tensor.rank == 0 ? "a scalar" : "shape " + Tensor.describe(tensor.shape)); "
                    + "index or reshape it first, e.g. heatmap(t[0])")
        }
    }

    /// The smallest block size that fits the map in the panel and in `maxLines`.
    private static func fitFactor(rows: Int, columns: Int, panelWidth: Int, maxLines: Int,
                                  ramp: HeatmapOptions.Ramp, channels: Int, width: Int) throws -> Int {
        let cellWidth = ramp == .half ? 1 : 2
        let rowsPerLine = ramp == .half ? 2 : 1
        let labelWidth = String(max(0, rows - 1)).count
        let cellsAcross = (panelWidth - labelWidth - 3) / cellWidth
        guard cellsAcross >= 2 else {
            throw TextPlotsError.invalidOption(
                "heatmap: \(channels) channel(s) do not fit side by side in \(width) columns; "
                    + "pass a larger 'width:' or show fewer channels, e.g. heatmap(t[0])")
        }
        let across = (columns + cellsAcross - 1) / cellsAcross
        let down = (rows + maxLines * rowsPerLine - 1) / (maxLines * rowsPerLine)
        return max(1, across, down)
    }

    private static func sideBySide(_ panels: [HeatmapPanel], titled: Bool, gap: Int) -> [StyledLine] {
        let panelLines = panels.map { $0.lines() }
        let spacer = String(repeating: " ", count: gap)
        var lines: [StyledLine] = []
        if titled {
            let titles = panels.indices.map { TextWidth.padded("channel \($0)", to: panels[$0].width) }
            lines.append(StyledLine(TextWidth.trimmingTrailingSpaces(titles.joined(separator: spacer))))
        }
        for index in panelLines[0].indices {
            var line = StyledLine()
            for (position, panel) in panelLines.enumerated() {
                if position > 0 { line.append(spacer) }
                line.append(panel[index])
            }
            lines.append(line.trimmingTrailingSpaces())
        }
        return lines
    }
}
