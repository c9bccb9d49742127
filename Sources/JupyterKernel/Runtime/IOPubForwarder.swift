import Foundation
import JupyterProtocol
import Logging
import Synchronization
import ZeroMQ

/// The one thread that owns the iopub XPUB socket: forwards what the shell and control threads
/// push over inproc, and greets each new subscriber with `iopub_welcome` (JEP 65).
final class IOPubForwarder: Sendable {
    private let xpub: Socket
    private let pull: Socket
    private let codec: WireCodec
    private let factory: MessageFactory
    private let logger: Logger
    private let producersFinished = Atomic<Bool>(false)

    init(xpub: Socket, pull: Socket, codec: WireCodec, factory: MessageFactory, logger: Logger) {
        self.xpub = xpub
        self.pull = pull
        self.codec = codec
        self.factory = factory
        self.logger = logger
    }

    /// Says no more messages will be pushed: `run` returns once the queue is empty.
    func finish() { producersFinished.store(true, ordering: .releasing) }

    /// Forwards and greets until `finish` and an empty queue.
    func run() {
        do {
            while true {
                let ready = try Poller.readable([xpub, pull], timeoutMilliseconds: 100)
                if ready[0] { welcome(try xpub.receive()) }
                if ready[1] { try xpub.send(try pull.receive()) }
                if !ready[1] && producersFinished.load(ordering: .acquiring) { return }
            }
        } catch {
            logger.error("iopub stopped: \(error)")
        }
    }

    private func welcome(_ frames: [Data]) {
        // A subscription is byte 1 then the topic; byte 0 is an unsubscription.
        guard let event = frames.first, event.first == 1 else { return }
        let topic = String(decoding: event.dropFirst(), as: UTF8.self)
        logger.debug("new iopub subscriber to '\(topic)'; sending iopub_welcome")
        let message = factory.message(.iopubWelcome, content: ["subscription": .string(topic)], parent: nil,
                                      identities: [Data(event.dropFirst())])
        do {
            try xpub.send(codec.encode(message))
        } catch {
            logger.error("could not send iopub_welcome: \(error)")
        }
    }
}
