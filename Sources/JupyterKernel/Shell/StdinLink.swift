import Foundation
import JupyterProtocol
import Logging

/// The shell thread's use of the stdin channel: ask the client that sent a request for a line.
final class StdinLink {
    private let channel: RequestChannel
    private let codec: WireCodec
    private let factory: MessageFactory
    private let logger: Logger

    init(channel: RequestChannel, codec: WireCodec, factory: MessageFactory, logger: Logger) {
        self.channel = channel
        self.codec = codec
        self.factory = factory
        self.logger = logger
    }

    /// Sends `input_request` to the client identities of `parent` and waits for its
    /// `input_reply`, giving up with `KernelError.inputInterrupted` when `interrupter` fires.
    func readLine(prompt: String, password: Bool, parent: Message, interrupter: Interrupter) throws -> String {
        while try channel.receive(timeoutMilliseconds: 0) != nil {
            logger.warning("dropped a stale message on stdin")
        }
        let request = factory.message(.inputRequest, content: ["prompt": .string(prompt), "password": .bool(password)],
                                      parent: parent.header, identities: parent.identities)
        try channel.send(codec.encode(request))
        while !interrupter.isPending {
            guard let frames = try channel.receive(timeoutMilliseconds: 50) else { continue }
            do {
                let reply = try codec.decode(frames)
                if reply.type == .inputReply { return reply.content["value"]?.stringValue ?? "" }
                logger.warning("expected input_reply on stdin, found \(reply.type); ignored")
            } catch {
                logger.warning("dropped a message on stdin: \(error)")
            }
        }
        throw KernelError.inputInterrupted
    }
}
