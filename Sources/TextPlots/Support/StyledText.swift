/// Text in runs that may carry an xterm-256 foreground and background colour, written out as
/// plain text, as text with ANSI escapes, or as HTML spans inside a `<pre>`.
struct StyledLine: Equatable {
    /// One stretch of text with one colour.
    struct Run: Equatable {
        var text: String
        var foreground: Int?
        var background: Int?
    }

    private(set) var runs: [Run] = []

    init() {}

    init(_ text: String) {
        append(text)
    }

    /// Appends text, merging it into the last run when the colours are the same.
    mutating func append(_ text: String, foreground: Int? = nil, background: Int? = nil) {
        if let last = runs.last, last.foreground == foreground, last.background == background {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, foreground: foreground, background: background))
        }
    }

    /// Appends every run of `other`.
    mutating func append(_ other: StyledLine) {
        for run in other.runs { append(run.text, foreground: run.foreground, background: run.background) }
    }

    /// The text without colour.
    var plain: String { runs.map(\.text).joined() }

    /// Width in terminal columns.
    var columns: Int { TextWidth.columns(plain) }

    /// The text with ANSI 256-colour escapes around coloured runs.
    var ansi: String {
        runs.map { run in
            var codes: [String] = []
            if let foreground = run.foreground { codes.append("38;5;\(foreground)") }
            if let background = run.background { codes.append("48;5;\(background)") }
            guard !codes.isEmpty else { return run.text }
            return "\u{1B}[" + codes.joined(separator: ";") + "m" + run.text + "\u{1B}[0m"
        }.joined()
    }

    /// The text HTML-escaped, coloured runs in `<span style=…>`.
    var html: String {
        runs.map { run in
            var styles: [String] = []
            if let foreground = run.foreground { styles.append("color:" + Palette.hex(foreground)) }
            if let background = run.background { styles.append("background:" + Palette.hex(background)) }
            let text = HTMLText.escape(run.text)
            guard !styles.isEmpty else { return text }
            return "<span style=\"" + styles.joined(separator: ";") + "\">" + text + "</span>"
        }.joined()
    }

    /// A figure from lines: coloured ones as ANSI text plus an HTML `<pre>` with spans;
    /// monochrome ones as plain text plus the same text in a `<pre>`.
    static func figure(_ lines: [StyledLine], color: Bool) -> Figure {
        let text = lines.map { color ? $0.ansi : $0.plain }.joined(separator: "\n")
        let html = HTMLText.preOpening + lines.map { color ? $0.html : HTMLText.escape($0.plain) }
            .joined(separator: "\n") + "</pre>"
        return Figure(text: text, html: html)
    }
}

extension StyledLine {
    /// The line without trailing uncoloured spaces.
    func trimmingTrailingSpaces() -> StyledLine {
        var copy = self
        while let last = copy.runs.last, last.foreground == nil, last.background == nil {
            let text = TextWidth.trimmingTrailingSpaces(last.text)
            if text.isEmpty {
                copy.runs.removeLast()
                continue
            }
            copy.runs[copy.runs.count - 1].text = text
            break
        }
        return copy
    }
}
