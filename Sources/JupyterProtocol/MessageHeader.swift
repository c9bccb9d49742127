import Foundation

/// A message `header`: who sent it, when, and what it is.
public struct MessageHeader: Sendable, Equatable {
    /// `msg_id`, unique per message.
    public var messageID: String
    /// `session`, unique per client or kernel process.
    public var session: String
    /// `username`.
    public var username: String
    /// `date`, ISO 8601 with fractional seconds.
    public var date: String
    /// `msg_type`.
    public var messageType: MessageType
    /// `version`, the protocol version.
    public var version: String
    /// Members this type does not model (e.g. `subshell_id`), kept so a parent header echoes whole.
    public var extra: [String: JSONValue]

    /// Creates a header from its fields.
    public init(messageID: String, session: String, username: String, date: String, messageType: MessageType,
                version: String = ProtocolVersion.current, extra: [String: JSONValue] = [:]) {
        self.messageID = messageID
        self.session = session
        self.username = username
        self.date = date
        self.messageType = messageType
        self.version = version
        self.extra = extra
    }

    /// A header for a new message: a fresh UUID `msg_id` and the current time as `date`.
    public static func fresh(_ type: MessageType, session: String, username: String) -> MessageHeader {
        MessageHeader(messageID: UUID().uuidString.lowercased(), session: session, username: username,
                      date: Date.now.formatted(timestampStyle), messageType: type)
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static let modeledKeys: Set<String> = ["msg_id", "session", "username", "date", "msg_type", "version"]

    /// Reads a header object; `msg_id` and `msg_type` are required, the rest default to "".
    public init(json: JSONValue) throws(JupyterProtocolError) {
        guard let members = json.objectValue else {
            throw .invalidFrame(name: "header", reason: "expected a JSON object")
        }
        guard let id = members["msg_id"]?.stringValue, let type = members["msg_type"]?.stringValue else {
            throw .invalidFrame(name: "header", reason: "expected string fields 'msg_id' and 'msg_type'")
        }
        self.init(messageID: id, session: members["session"]?.stringValue ?? "",
                  username: members["username"]?.stringValue ?? "", date: members["date"]?.stringValue ?? "",
                  messageType: MessageType(rawValue: type), version: members["version"]?.stringValue ?? "",
                  extra: members.filter { !Self.modeledKeys.contains($0.key) })
    }

    /// The header as the JSON object sent on the wire.
    public var json: JSONValue {
        var members = extra
        members["msg_id"] = .string(messageID)
        members["session"] = .string(session)
        members["username"] = .string(username)
        members["date"] = .string(date)
        members["msg_type"] = .string(messageType.rawValue)
        members["version"] = .string(version)
        return .object(members)
    }
}
