import Foundation
import JupyterProtocol

/// One verified request as a handler sees it.
struct Request {
    /// The decoded message.
    let message: Message
    /// Publishes on iopub with this request as parent.
    let iopub: IOPub
    /// Whether queued execute requests are being answered unrun after an error (stop_on_error).
    let isAbortingQueue: Bool

    var content: JSONValue { message.content }
    var header: MessageHeader { message.header }

    /// Publishes `content` as `type` with this request as parent.
    func publish(_ type: MessageType, _ content: JSONValue, metadata: JSONValue = [:], buffers: [Data] = []) {
        iopub.publish(type, content, parent: message.header, metadata: metadata, buffers: buffers)
    }

    /// A string field of the content, or `fallback`.
    func string(_ key: String, _ fallback: String = "") -> String {
        content[key]?.stringValue ?? fallback
    }

    /// A bool field of the content, or `fallback`.
    func bool(_ key: String, _ fallback: Bool) -> Bool {
        content[key]?.boolValue ?? fallback
    }

    /// An integer field of the content, or nil.
    func int(_ key: String) -> Int? {
        content[key]?.intValue
    }
}

/// What a handler answers, and what the loop serving it should do next.
struct Response {
    /// What the request loop does after replying.
    enum Followup: Equatable {
        /// Nothing.
        case none
        /// Answer the execute requests that arrive before the reply is sent with errors,
        /// without running them.
        case abortQueuedExecutions
        /// Stop the kernel; `restart` as the client asked.
        case shutdown(restart: Bool)
    }

    /// The reply content (`x_request` → `x_reply`), or nil for a message that gets no reply.
    var content: JSONValue?
    /// What to do after the reply.
    var followup: Followup = .none
    /// Work the client need not wait for (storing history), run after the reply and the idle
    /// status are sent and before the next request is read.
    var afterIdle: (() -> Void)?

    /// A reply with `content` and nothing to do after.
    static func reply(_ content: JSONValue) -> Response { Response(content: content) }

    /// No reply at all (e.g. `comm_open`).
    static var noReply: Response { Response(content: nil) }
}
