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
    public static let preOpening =
        "<pre style=\"font-family: var(--jp-code-font-family, monospace); white-space: pre\">"

    /// `text` escaped inside a `<pre>`, the HTML form of every text figure.
    public static func pre(_ text: String) -> String {
        preOpening + escape(text) + "</pre>"
    }
}
