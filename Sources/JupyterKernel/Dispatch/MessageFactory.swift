import Foundation
import JupyterProtocol

/// Makes the kernel's outgoing messages: one session id, a fresh header per message.
struct MessageFactory: Sendable {
    /// The kernel's session id, the same in every message it sends.
    let session: String
    let username = "kernel"

    init(session: String = UUID().uuidString.lowercased()) {
        self.session = session
    }

    func message(_ type: MessageType, content: JSONValue, parent: MessageHeader?, identities: [Data] = [],
                 metadata: JSONValue = [:]) -> Message {
        Message(identities: identities, header: .fresh(type, session: session, username: username),
                parentHeader: parent, metadata: metadata, content: content)
    }
}
