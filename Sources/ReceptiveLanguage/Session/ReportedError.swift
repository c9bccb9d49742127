import TextPlots

/// An error as front ends show it: Jupyter's ename/evalue/traceback, or stderr in the CLI.
public struct ReportedError: Error, Sendable {
    /// The error's kind; its raw value is Jupyter's `ename` ("NameError").
    public var kind: ErrorKind
    /// The message without the kind (Jupyter's `evalue`).
    public var message: String
    /// The lines to show: for each error "Kind: message", the source line and the caret line.
    public var traceback: [String]
    /// The "Kind: message" line of each error, without source lines (for golden tests).
    var headlines: [String] = []

    /// Creates a reported error.
    public init(kind: ErrorKind, message: String, traceback: [String]) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
    }

    /// Formats errors of one cell against its source (a cell may have several syntax errors),
    /// with the messages spelt in `charset`.
    init(_ errors: [RuntimeError], source: String, charset: Charset = .unicode) {
        let first = errors.first ?? RuntimeError(.value, "unknown error")
        kind = first.kind
        message = charset.spell(errors.count > 1 ? "\(first.message) (and \(errors.count - 1) more)" : first.message)
        traceback = errors.flatMap { DiagnosticFormatter.lines(for: $0, in: $0.source ?? source, charset: charset) }
        headlines = errors.map { "\($0.kind.rawValue): " + charset.spell($0.message) }
    }

    /// The traceback as one text.
    public var rendered: String { traceback.joined(separator: "\n") }
}
