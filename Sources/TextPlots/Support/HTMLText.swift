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

    /// `text` escaped inside a `<pre>`, the HTML form of every text figure.
    public static func pre(_ text: String) -> String {
        "<pre>" + escape(text) + "</pre>"
    }
}
