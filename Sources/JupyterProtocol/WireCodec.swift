import Foundation

/// Turns messages into ZeroMQ frames and back: identities, `<IDS|MSG>`, signature, the four
/// JSON frames, then buffers; verifying the signature of everything it decodes.
public struct WireCodec: Sendable {
    /// The delimiter frame between routing identities and the signature.
    public static let delimiter = Data("<IDS|MSG>".utf8)

    /// The signer used both ways.
    public let signer: MessageSigner

    /// A codec signing with `key` (empty: unsigned).
    public init(key: String) {
        signer = MessageSigner(key: key)
    }

    /// The frames of `message`, signed over the exact JSON bytes sent.
    public func encode(_ message: Message) -> [Data] {
        let parts = [
            message.header.serialized(),
            message.parentHeader?.serialized() ?? Data("{}".utf8),
            message.metadata.serialized(),
            message.content.serialized(),
        ]
        return message.identities + [Self.delimiter, Data(signer.hexDigest(of: parts))] + parts + message.buffers
    }

    /// The message in `frames`; throws on a missing delimiter, too few frames, a bad signature
    /// (checked before any JSON is parsed), or JSON that is not the expected objects.
    public func decode(_ frames: [Data]) throws(JupyterProtocolError) -> Message {
        guard let delimiterIndex = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
        let rest = Array(frames[(delimiterIndex + 1)...])
        guard rest.count >= 5 else { throw .missingFrames(found: rest.count) }
        let parts = Array(rest[1...4])
        guard signer.verify(signature: rest[0], frames: parts) else { throw .badSignature }
        let header = try MessageHeader(json: Self.object(parts[0], name: "header"))
        let parentJSON = try Self.object(parts[1], name: "parent_header")
        let parent = parentJSON.objectValue?.isEmpty == false ? try MessageHeader(json: parentJSON) : nil
        return Message(identities: Array(frames[..<delimiterIndex]), header: header, parentHeader: parent,
                       metadata: try Self.object(parts[2], name: "metadata"),
                       content: try Self.object(parts[3], name: "content"), buffers: Array(rest.dropFirst(5)))
    }

    private static func object(_ frame: Data, name: String) throws(JupyterProtocolError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONValue.parse(frame)
        } catch {
            throw .invalidFrame(name: name, reason: "expected JSON, found \(frame.count) bytes that do not parse (\(error))")
        }
        guard case .object = value else { throw .invalidFrame(name: name, reason: "expected a JSON object") }
        return value
    }
}
