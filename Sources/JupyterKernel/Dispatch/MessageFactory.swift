import Foundation
import JupyterProtocol
import Synchronization

/// Makes the kernel's outgoing messages: one session id, a fresh header per message.
struct MessageFactory: Sendable {
    /// The kernel's session id, the same in every message it sends.
    let session: String
    let username = "kernel"
    private let sent = MessageCounter()

    init(session: String = MessageHeader.randomUUID()) {
        self.session = session
    }

    func message(_ type: MessageType, content: JSONValue, parent: MessageHeader?, identities: [Data] = [],
                 metadata: JSONValue = [:]) -> Message {
        // The session is random and the count never repeats within it, so ids are unique
        // without drawing random bytes per message (jupyter_client numbers its ids likewise).
        let header = MessageHeader.fresh(type, session: session, username: username,
                                         messageID: "\(session)_\(sent.next())")
        return Message(identities: identities, header: header, parentHeader: parent, metadata: metadata,
                       content: content)
    }
}

/// Numbers the messages of one factory, from any thread.
private final class MessageCounter: Sendable {
    private let count = Atomic<Int>(0)

    func next() -> Int { count.add(1, ordering: .relaxed).newValue }
}
