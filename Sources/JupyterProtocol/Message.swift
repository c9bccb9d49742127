import Foundation

/// One Jupyter message, decoded: routing identities, the four JSON parts and extra buffers.
public struct Message: Sendable, Equatable {
    /// ZeroMQ routing identities (ROUTER) or the topic (iopub) before `<IDS|MSG>`.
    public var identities: [Data]
    /// `header`.
    public var header: MessageHeader
    /// `parent_header`: the header of the request this answers, or nil.
    public var parentHeader: MessageHeader?
    /// `metadata`.
    public var metadata: JSONValue
    /// `content`.
    public var content: JSONValue
    /// Binary buffers after the content frame.
    public var buffers: [Data]

    /// Creates a message from its parts.
    public init(identities: [Data] = [], header: MessageHeader, parentHeader: MessageHeader? = nil,
                metadata: JSONValue = [:], content: JSONValue = [:], buffers: [Data] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// `header.msg_type`.
    public var type: MessageType { header.messageType }
}
