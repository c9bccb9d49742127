/// HTML escaping and wrapping for the `text/html` renderings.
public enum HTMLText {
    /// `text` with `&`, `<`, `>` and `"` escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The opening tag of every figure's `<pre>`. Notebook HTML exporters (nbconvert's lab
    /// template) give an HTML output's `<pre>` the prose font and `pre-wrap`, which breaks the
    /// columns of plots; the inline style keeps them monospace and unwrapped everywhere.
    /// JupyterLab also gives code a line height of 1.3, which leaves a white gap between rows
    /// of block (`█▓▒░`) and box-drawing characters; `normal` is the font's own line height,
    /// the height its block and box-drawing glyphs are drawn to fill, so rows join (checked on
    /// a screenshot in tests/test_jupyterlab.py, which finds 2–3 white pixel rows between
    /// every two block rows without it).
    public static let preOpening =
        "<pre style=\"font-family: var(--jp-code-font-family, monospace); white-space: pre; line-height: normal\">"

    /// `text` escaped inside a `<pre>`, the HTML form of every text figure.
    public static func pre(_ text: String) -> String {
        preOpening + escape(text) + "</pre>"
    }
}
