import Foundation
import JupyterProtocol
import Logging

/// A request handler: the reply content for one message.
typealias RequestHandler = (Request) -> Response

/// Verifies and decodes requests, brackets each in status busy … idle, finds its handler in a
/// table keyed by `msg_type`, and sends the reply: xeus's `xkernel_core` dispatch.
final class RequestDispatcher {
    private let codec: WireCodec
    private let factory: MessageFactory
    private let channel: RequestChannel
    private let iopub: IOPub
    private let handlers: [MessageType: RequestHandler]
    private let logger: Logger
    /// Requests that were already waiting when a cell failed with stop_on_error.
    private var queuedBeforeFailure: [[Data]] = []

    init(codec: WireCodec, factory: MessageFactory, channel: RequestChannel, iopub: IOPub,
         handlers: [MessageType: RequestHandler], logger: Logger) {
        self.codec = codec
        self.factory = factory
        self.channel = channel
        self.iopub = iopub
        self.handlers = handlers
        self.logger = logger
    }

    /// Handles one multipart message; a message that fails verification or decoding is logged
    /// and dropped without any reply or status.
    func handle(_ frames: [Data], abortingQueue: Bool = false) -> Response.Followup {
        let message: Message
        do {
            message = try codec.decode(frames)
        } catch {
            logger.warning("dropped a message: \(error)")
            return .none
        }
        iopub.status("busy", parent: message.header)
        defer { iopub.status("idle", parent: message.header) }
        guard let handler = handlers[message.type] else {
            logger.warning("no handler for message type '\(message.type)'; ignored")
            return .none
        }
        let response = handler(Request(message: message, iopub: iopub, isAbortingQueue: abortingQueue))
        if response.followup == .abortQueuedExecutions {
            // Taken before the reply leaves, so that a request a client sends after seeing the
            // failure runs instead of being aborted: "already queued" means queued before the reply.
            queuedBeforeFailure = channel.drainWaiting()
        }
        if let content = response.content, let replyType = message.type.replyType {
            reply(to: message, type: replyType, content: content)
        }
        return response.followup
    }

    /// The requests that were waiting when the last cell failed with stop_on_error; once.
    func takeQueuedBeforeFailure() -> [[Data]] {
        defer { queuedBeforeFailure = [] }
        return queuedBeforeFailure
    }

    private func reply(to request: Message, type: MessageType, content: JSONValue) {
        let reply = factory.message(type, content: content, parent: request.header, identities: request.identities)
        do {
            try channel.send(codec.encode(reply))
        } catch {
            logger.error("could not send \(type): \(error)")
        }
    }
}
