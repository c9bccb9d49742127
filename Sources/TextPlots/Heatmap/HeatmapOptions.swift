/// How `Heatmap.render` draws a tensor.
public struct HeatmapOptions: Sendable, Equatable {
    /// The characters that stand for values.
    public enum Ramp: String, Sendable, CaseIterable {
        /// ` .:-=+*#%@`, two characters per cell.
        case ascii
        /// ` ░▒▓█`, two characters per cell.
        case blocks
        /// `▀▄█`: one character per column and two rows per line (monochrome: on/off
        /// at the middle of the scale; with colour: full grey or diverging colours).
        case half
    }

    /// Total width in columns; nil uses the session width.
    public var width: Int?
    /// Most lines the map itself may take; nil means 40.
    public var height: Int?
    /// The character ramp.
    public var ramp: Ramp
    /// The value range the ramp spans (values outside are clipped); nil uses the data's.
    public var zlim: ClosedRange<Double>?
    /// A line above the figure.
    public var title: String?
    /// ANSI 256 colours in the text and colour spans in the HTML.
    public var color: Bool
    /// The characters: in ASCII every ramp draws as `.ascii` inside a `+-|` frame.
    public var charset: Charset

    /// Creates options; the defaults are the block ramp, monochrome, Unicode, sized to the session.
    public init(width: Int? = nil, height: Int? = nil, ramp: Ramp = .blocks,
                zlim: ClosedRange<Double>? = nil, title: String? = nil, color: Bool = false,
                charset: Charset = .unicode) {
        self.width = width
        self.height = height
        self.ramp = ramp
        self.zlim = zlim
        self.title = title
        self.color = color
        self.charset = charset
    }

    /// The ramp actually drawn: ASCII has no blocks, so every ramp is `.ascii` there.
    var drawnRamp: Ramp { charset == .ascii ? .ascii : ramp }
}
