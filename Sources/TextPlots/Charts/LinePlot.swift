/// One line of a line plot: y against x, with an optional name for the legend.
public struct LineSeries: Sendable, Equatable {
    /// The name shown in the legend.
    public var name: String?
    /// The x coordinates; the same count as `y`.
    public var x: [Double]
    /// The y coordinates; non-finite values break the line.
    public var y: [Double]

    /// Creates a series; `x` defaults to 0, 1, 2, ….
    public init(name: String? = nil, x: [Double]? = nil, y: [Double]) {
        self.name = name
        self.x = x ?? y.indices.map(Double.init)
        self.y = y
    }
}

/// How `LinePlot.render` draws.
public struct LinePlotOptions: Sendable, Equatable {
    /// Total width in columns; nil uses the session width.
    public var width: Int?
    /// Lines of the plotting area.
    public var height: Int
    /// A line above the figure.
    public var title: String?
    /// One colour per series (ANSI text, HTML spans).
    public var color: Bool
    /// The characters: Braille dots in Unicode, one mark per series and character in ASCII.
    public var charset: Charset

    /// Creates options.
    public init(width: Int? = nil, height: Int = 12, title: String? = nil, color: Bool = false,
                charset: Charset = .unicode) {
        self.width = width
        self.height = height
        self.title = title
        self.color = color
        self.charset = charset
    }
}

/// Line plots on a Braille canvas with axes, ticks and a legend; series are told apart by
/// their dash pattern (solid, dotted, dashed, …) and, with colour, by colour. In ASCII every
/// character a series passes through shows that series' mark (`*`, `+`, `o`, …) instead.
public enum LinePlot {
    /// Unicode: each series' dash pattern, dot by dot along the line.
    static let patterns: [[Bool]] = [[true], [true, false], [true, true, true, false, false, false],
                                     [true, false, false, false]]
    /// ASCII: each series' mark, drawn solid (the mark, not a dash pattern, tells series apart);
    /// none is a stroke of the frame (`+`, `-`, `|`).
    static let marks: [Character] = ["*", "o", "x", "#", "@", "%"]

    /// Draws `series` in one frame.
    public static func render(_ series: [LineSeries], options: LinePlotOptions, sessionWidth: Int) throws -> Figure {
        try validate(series, options: options)
        let width = options.width ?? sessionWidth
        let ascii = options.charset == .ascii
        let frame = PlotFrame(series: series, width: width, height: options.height)
        var canvas = BrailleCanvas(columns: frame.canvasColumns, rows: options.height)
        var owners = [Int?](repeating: nil, count: canvas.columns * canvas.rows)
        for (index, line) in series.enumerated() {
            var step = 0
            var previous: (x: Int, y: Int)?
            for (x, y) in zip(line.x, line.y) {
                guard x.isFinite, y.isFinite else {
                    previous = nil
                    continue
                }
                let point = frame.dot(x: x, y: y, canvas: canvas)
                let cells = canvas.line(from: previous ?? point, to: point,
                                        pattern: ascii ? [] : patterns[index % patterns.count], step: &step)
                for cell in cells { owners[cell.row * canvas.columns + cell.column] = index }
                previous = point
            }
        }
        // In ASCII a character shows the mark of the last series that passed through it.
        let area = ascii
            ? (0..<canvas.rows).map { row in
                String((0..<canvas.columns).map { column in
                    owners[row * canvas.columns + column].map { marks[$0 % marks.count] } ?? " "
                })
            }
            : canvas.lines()
        var lines = options.title.map { [StyledLine(options.charset.spell($0))] } ?? []
        lines += frame.lines(area: area, frame: .of(options.charset)) { column, row in
            options.color ? owners[row * canvas.columns + column].map { Palette.series[$0 % Palette.series.count] } : nil
        }
        if series.count > 1 || series.contains(where: { $0.name != nil }) {
            lines.append(legend(series, color: options.color, charset: options.charset))
        }
        return StyledLine.figure(lines, color: options.color)
    }

    private static func validate(_ series: [LineSeries], options: LinePlotOptions) throws {
        guard !series.isEmpty else {
            throw TextPlotsError.invalidInput("lineplot: expected at least one series, found none")
        }
        for (index, line) in series.enumerated() where line.x.count != line.y.count {
            throw TextPlotsError.invalidInput(
                "lineplot: series \(index) has \(line.y.count) y values but \(line.x.count) x values; pass x of the same length")
        }
        guard (2...200).contains(options.height) else {
            throw TextPlotsError.invalidOption("lineplot: 'height' must be 2…200 lines, found \(options.height)")
        }
        if let width = options.width, width < 20 {
            throw TextPlotsError.invalidOption("lineplot: 'width' must be at least 20 columns, found \(width)")
        }
    }

    /// A three-character sample of each series' dash pattern (its mark in ASCII), then its name.
    private static func legend(_ series: [LineSeries], color: Bool, charset: Charset) -> StyledLine {
        var line = StyledLine("  ")
        for (index, item) in series.enumerated() {
            let sample: String
            if charset == .ascii {
                sample = String(repeating: marks[index % marks.count], count: 3)
            } else {
                var canvas = BrailleCanvas(columns: 3, rows: 1)
                var step = 0
                canvas.line(from: (0, 1), to: (5, 1), pattern: patterns[index % patterns.count], step: &step)
                sample = canvas.lines()[0]
            }
            if index > 0 { line.append("   ") }
            line.append(sample, foreground: color ? Palette.series[index % Palette.series.count] : nil)
            line.append(" " + charset.spell(item.name ?? "series \(index)"))
        }
        return line
    }
}
