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
    private let replayGuard: ReplayGuard

    init(codec: WireCodec, factory: MessageFactory, channel: RequestChannel, iopub: IOPub,
         handlers: [MessageType: RequestHandler], logger: Logger, replayGuard: ReplayGuard = ReplayGuard()) {
        self.replayGuard = replayGuard
        self.codec = codec
        self.factory = factory
        self.channel = channel
        self.iopub = iopub
        self.handlers = handlers
        self.logger = logger
    }

    /// How long a failed cell's error reply waits for requests still in flight, so that a
    /// request the client sent before it could see the error is aborted, not run.
    static let abortWindow = Duration.milliseconds(20)

    /// Handles one multipart message; a message that fails verification or decoding is logged
    /// and dropped without any reply or status. After a failed cell with stop_on_error, the
    /// requests that arrived before its reply went out are handled next, in aborting mode.
    func handle(_ frames: [Data], abortingQueue: Bool = false) -> Response.Followup {
        let message: Message
        do {
            message = try codec.decode(frames)
        } catch {
            logger.warning("dropped a message: \(error)")
            return .none
        }
        guard replayGuard.admit(ReplayGuard.signature(of: frames)) else {
            logger.warning("dropped a replayed message: its signature was already used in this session")
            return .none
        }
        let (response, queued) = serve(message, abortingQueue: abortingQueue)
        response.afterIdle?()
        var result = response.followup == .abortQueuedExecutions ? .none : response.followup
        for frames in queued {
            let next = handle(frames, abortingQueue: true)
            if case .shutdown = next { result = next }
        }
        return result
    }

    /// Runs the handler between busy and idle and replies; returns the response and, when it
    /// is to abort, the requests queued before the reply was sent.
    private func serve(_ message: Message, abortingQueue: Bool) -> (Response, [[Data]]) {
        logger.debug("handling \(message.type) \(message.header.messageID)")
        iopub.status("busy", parent: message.header)
        defer { iopub.status("idle", parent: message.header) }
        guard let handler = handlers[message.type] else {
            logger.warning("no handler for message type '\(message.type)'; ignored")
            return (.noReply, [])
        }
        let response = handler(Request(message: message, iopub: iopub, isAbortingQueue: abortingQueue))
        let queued = response.followup == .abortQueuedExecutions ? collectQueued() : []
        if let content = response.content, let replyType = message.type.replyType {
            reply(to: message, type: replyType, content: content)
        }
        return (response, queued)
    }

    /// Everything already waiting on the channel, and what arrives within `abortWindow`.
    private func collectQueued() -> [[Data]] {
        let deadline = ContinuousClock.now + Self.abortWindow
        var queued: [[Data]] = []
        while true {
            let remaining = max(0, Int(((deadline - .now) / .milliseconds(1)).rounded(.up)))
            guard let frames = try? channel.receive(timeoutMilliseconds: remaining) else { return queued }
            queued.append(frames)
        }
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
