import Foundation
import JupyterProtocol

/// One comm message as an interpreter sees it, whichever way it travels: a comm's id, the
/// target it was opened on, and its JSON data, metadata and binary buffers. The kernel knows
/// comms only this way; what a target's data means (widget state, say) is the interpreter's.
public struct CommMessage: Sendable, Equatable {
    /// `comm_id`.
    public var commID: String
    /// The target the comm was opened on (`target_name` of its `comm_open`).
    public var targetName: String
    /// `data`.
    public var data: JSONValue
    /// The message's `metadata` (ipywidgets puts its protocol version in a `comm_open`'s).
    public var metadata: JSONValue
    /// Binary buffers after the content frame (ipywidgets' `buffer_paths` point at them).
    public var buffers: [Data]

    /// Creates a comm message.
    public init(commID: String, targetName: String, data: JSONValue = [:], metadata: JSONValue = [:],
                buffers: [Data] = []) {
        self.commID = commID
        self.targetName = targetName
        self.data = data
        self.metadata = metadata
        self.buffers = buffers
    }
}
