/// A rendered picture: the text every front end shows, and optional HTML for notebooks.
public struct Figure: Sendable, Equatable {
    /// The `text/plain` rendering; lines end with "\n" except the last.
    public var text: String
    /// An optional `text/html` rendering (a `<pre>` or `<table>`, HTML-escaped).
    public var html: String?

    /// Creates a figure.
    public init(text: String, html: String? = nil) {
        self.text = text
        self.html = html
    }
}
