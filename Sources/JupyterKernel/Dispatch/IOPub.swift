import Foundation
import JupyterProtocol

/// Signs and publishes iopub messages for one thread through a `FramePublisher`.
final class IOPub {
    private let publisher: FramePublisher
    private let codec: WireCodec
    private let factory: MessageFactory

    init(publisher: FramePublisher, codec: WireCodec, factory: MessageFactory) {
        self.publisher = publisher
        self.codec = codec
        self.factory = factory
    }

    /// Publishes `content` as `type`, in answer to `parent`; the topic frame is the type's name.
    func publish(_ type: MessageType, _ content: JSONValue, parent: MessageHeader?, metadata: JSONValue = [:],
                 buffers: [Data] = []) {
        var message = factory.message(type, content: content, parent: parent, identities: [Data(type.rawValue.utf8)],
                                      metadata: metadata)
        message.buffers = buffers
        publisher.publish(codec.encode(message))
    }

    /// Publishes `status` with `execution_state` busy or idle.
    func status(_ state: String, parent: MessageHeader?) {
        publish(.status, ["execution_state": .string(state)], parent: parent)
    }
}
