import JupyterProtocol

/// A set of representations of one value keyed by MIME type (`text/plain`, `text/html`, ...).
public typealias MimeBundle = [String: String]

/// What the kernel reports about its language in `kernel_info_reply`.
public struct KernelInfo: Sendable {
    /// `implementation`, e.g. "receptive".
    public var implementation: String
    /// `implementation_version`.
    public var implementationVersion: String
    /// `language_info.name`.
    public var languageName: String
    /// `language_info.version`.
    public var languageVersion: String
    /// `language_info.mimetype`.
    public var mimetype: String
    /// `language_info.file_extension`, with the dot.
    public var fileExtension: String
    /// `language_info.pygments_lexer`.
    public var pygmentsLexer: String
    /// `language_info.codemirror_mode`.
    public var codemirrorMode: String
    /// `banner`.
    public var banner: String
    /// `help_links` as (text, url) pairs.
    public var helpLinks: [(text: String, url: String)]

    /// Creates the description.
    public init(implementation: String, implementationVersion: String, languageName: String,
                languageVersion: String, mimetype: String, fileExtension: String,
                pygmentsLexer: String, codemirrorMode: String, banner: String,
                helpLinks: [(text: String, url: String)]) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.languageName = languageName
        self.languageVersion = languageVersion
        self.mimetype = mimetype
        self.fileExtension = fileExtension
        self.pygmentsLexer = pygmentsLexer
        self.codemirrorMode = codemirrorMode
        self.banner = banner
        self.helpLinks = helpLinks
    }
}

/// One `execute_request` as the interpreter sees it.
public struct ExecutionRequest: Sendable, Equatable {
    /// The cell's source.
    public var code: String
    /// `silent`: run without publishing output or counting.
    public var silent: Bool
    /// `allow_stdin`: whether `ExecutionContext.readInput` may be used.
    public var allowStdin: Bool
    /// The execution count this cell will be shown with.
    public var executionCount: Int

    /// Creates a request.
    public init(code: String, silent: Bool = false, allowStdin: Bool = false, executionCount: Int) {
        self.code = code
        self.silent = silent
        self.allowStdin = allowStdin
        self.executionCount = executionCount
    }
}

/// Which output stream a `stream` message goes to.
public enum StreamName: String, Sendable {
    /// Standard output.
    case stdout
    /// Standard error.
    case stderr
}

/// An instruction to the front end in `execute_reply.payload`.
public enum Payload: Sendable, Equatable {
    /// Show `data` in the pager (jupyter console prints it; notebooks open a pager), from line `start`.
    case page(MimeBundle, start: Int = 0)
    /// Ask the front end to exit (`exit` in jupyter console), shutting the kernel down unless `keepKernel`.
    case askExit(keepKernel: Bool)
}

/// How a cell ended.
public enum ExecutionOutcome: Sendable, Equatable {
    /// The cell ran; `result` (if any) is published as `execute_result`.
    case success(result: MimeBundle?, payloads: [Payload])
    /// The cell failed; published as `error` and answered with status "error".
    case failure(ename: String, evalue: String, traceback: [String])
}

/// The value of one `user_expressions` entry.
public enum UserExpressionResult: Sendable, Equatable {
    /// The expression's representations.
    case value(MimeBundle)
    /// The expression failed.
    case failure(ename: String, evalue: String, traceback: [String])
}

/// The answer to `complete_request`; positions in Unicode code points.
public struct CompletionResult: Sendable, Equatable {
    /// Candidate replacements for `code[cursorStart..<cursorEnd]`.
    public var matches: [String]
    /// Start of the replaced range.
    public var cursorStart: Int
    /// End of the replaced range.
    public var cursorEnd: Int

    /// Creates a result.
    public init(matches: [String], cursorStart: Int, cursorEnd: Int) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
    }
}

/// The answer to `is_complete_request`.
public enum CompletenessResult: Sendable, Equatable {
    /// Ready to run.
    case complete
    /// Needs more lines; the front end should indent the next one with `indent`.
    case incomplete(indent: String)
    /// Cannot become valid by adding lines.
    case invalid
    /// The interpreter cannot tell.
    case unknown
}

/// The kernel's side of a running cell or comm handler: how an interpreter publishes output,
/// reads input and talks over comms. Output is parented to the request being served (the
/// `execute_request`, or the `comm_msg` whose handler runs), as the messaging spec asks.
///
/// Everything here may be called only on the shell thread, while `execute` or a comm handler
/// runs.
public protocol ExecutionContext: AnyObject {
    /// Publishes text on stdout or stderr (`stream`).
    func stream(_ name: StreamName, _ text: String)
    /// Publishes `display_data`, or `update_display_data` when `update` is true.
    func display(_ data: MimeBundle, displayID: String?, update: Bool)
    /// Publishes `display_data` whose bundle holds JSON values, such as a widget view's
    /// `application/vnd.jupyter.widget-view+json` model reference.
    func display(json data: [String: JSONValue], displayID: String?, update: Bool)
    /// Publishes `clear_output`.
    func clearOutput(wait: Bool)
    /// Asks the front end for a line of input (`input_request` on stdin); throws when stdin
    /// is not allowed or the front end does not answer.
    func readInput(prompt: String, password: Bool) throws -> String

    /// Opens a comm from the kernel side (`comm_open` on iopub) and records it as open. Comm
    /// messages are sent even when the cell is silent: they carry state, not output.
    func openComm(_ comm: CommMessage)
    /// Sends `comm_msg` on an open comm; a message for a comm that is not open is logged and
    /// dropped.
    func sendComm(_ message: CommMessage)
    /// Closes an open comm from the kernel side (`comm_close` with `data`).
    func closeComm(id: String, data: JSONValue)
    /// Whether a `comm_msg` for one of `ids` is already waiting on shell behind the request
    /// being served: a handler may then leave work to the newer message (coalescing).
    func isCommMessageQueued(for ids: Set<String>) -> Bool
}
