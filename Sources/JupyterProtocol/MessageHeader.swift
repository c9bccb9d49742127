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

    /// A header for a new message sent now: `messageID` (by default a random UUID) as `msg_id`
    /// and the current time as `date`.
    public static func fresh(_ type: MessageType, session: String, username: String,
                             messageID: String = randomUUID()) -> MessageHeader {
        MessageHeader(messageID: messageID, session: session, username: username, date: WireTimestamp.now(),
                      messageType: type)
    }

    /// A random (version 4) UUID in lowercase hex with dashes. Drawn from the system generator
    /// directly: Foundation's `UUID()` opens /dev/urandom on every call on Linux.
    public static func randomUUID() -> String {
        var generator = SystemRandomNumberGenerator()
        let halves = [generator.next(), generator.next()] as [UInt64]
        var bytes = halves.flatMap { half in (0..<8).map { UInt8(truncatingIfNeeded: half >> ($0 * 8)) } }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

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

    /// The header as compact JSON with sorted keys, the same bytes as `json.serialized()`;
    /// written field by field when there are no extra members (every header the kernel makes).
    public func serialized() -> Data {
        guard extra.isEmpty else { return json.serialized() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        let fields = [("date", date), ("msg_id", messageID), ("msg_type", messageType.rawValue), ("session", session),
                      ("username", username), ("version", version)]
        for (index, (key, value)) in fields.enumerated() {
            bytes.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            JSONValue.writeString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONValue.writeString(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return Data(bytes)
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
