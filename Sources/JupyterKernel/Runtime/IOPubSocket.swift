import Foundation
import JupyterProtocol
import Logging
import Synchronization
import ZeroMQ

/// The iopub XPUB socket, shared by every thread that publishes: each message goes straight
/// out from the thread that made it, under a lock, and whoever holds the lock also greets new
/// subscribers with `iopub_welcome` (JEP 65).
///
/// An earlier design forwarded every message over inproc to one iopub thread (as xeus and
/// ipykernel do); that cost a thread wake-up per message, the largest part of a `1+1` round
/// trip on two cores. libzmq lets a socket move between threads across a full memory barrier,
/// which the lock gives; no two threads ever use the socket at once.
final class IOPubSocket: FramePublisher, Sendable {
    private let xpub: Mutex<Socket>
    private let signal: Int32
    private let codec: WireCodec
    private let factory: MessageFactory
    private let logger: Logger
    private let finished = Atomic<Bool>(false)

    init(xpub: Socket, codec: WireCodec, factory: MessageFactory, logger: Logger) throws(KernelError) {
        do {
            signal = try xpub.signalDescriptor()
        } catch {
            throw .transport(error)
        }
        self.xpub = Mutex(xpub)
        self.codec = codec
        self.factory = factory
        self.logger = logger
    }

    func publish(_ frames: [Data]) {
        xpub.withLock { socket in
            do {
                try socket.send(frames)
            } catch {
                logger.error("iopub message lost: \(error)")
            }
            // Sending may have taken in a subscription and consumed the signal that would
            // have woken `greetSubscribers`.
            welcomeWaiting(on: socket)
        }
    }

    /// Says the kernel is stopping: `greetSubscribers` returns within its poll interval.
    func finish() { finished.store(true, ordering: .releasing) }

    /// Sleeps until libzmq signals the socket, then greets whoever subscribed; runs on its own
    /// thread until `finish`.
    func greetSubscribers(pollMilliseconds: Int = 100) {
        while !finished.load(ordering: .acquiring) {
            do {
                _ = try Poller.readable(fileDescriptor: signal, timeoutMilliseconds: pollMilliseconds)
            } catch {
                logger.error("iopub stopped greeting subscribers: \(error)")
                return
            }
            xpub.withLock { welcomeWaiting(on: $0) }
        }
    }

    /// Receives every subscription event queued on the socket and welcomes each subscriber.
    private func welcomeWaiting(on socket: Socket) {
        do {
            while try socket.hasMessageToReceive() {
                if let welcome = welcome(for: try socket.receive()) { try socket.send(welcome) }
            }
        } catch {
            logger.error("could not greet an iopub subscriber: \(error)")
        }
    }

    /// The `iopub_welcome` for a subscription event, nil for an unsubscription.
    private func welcome(for frames: [Data]) -> [Data]? {
        // A subscription is byte 1 then the topic; byte 0 is an unsubscription.
        guard let event = frames.first, event.first == 1 else { return nil }
        let topic = String(decoding: event.dropFirst(), as: UTF8.self)
        logger.debug("new iopub subscriber to '\(topic)'; sending iopub_welcome")
        let message = factory.message(.iopubWelcome, content: ["subscription": .string(topic)], parent: nil,
                                      identities: [Data(event.dropFirst())])
        return codec.encode(message)
    }
}
