import Foundation
import JupyterProtocol
import Testing

private func sampleMessage(identities: [Data] = [Data("client".utf8)], buffers: [Data] = []) -> Message {
    let header = MessageHeader(messageID: "m1", session: "s1", username: "u", date: "2026-01-01T00:00:00.000Z",
                               messageType: .executeRequest)
    return Message(identities: identities, header: header, content: ["code": "1+1", "silent": false],
                   buffers: buffers)
}

@Test func signatureMatchesPythonHMAC() {
    // Reference computed with Python: hmac.new(b"secret", header+parent+metadata+content, sha256).hexdigest()
    let frames = [Data(#"{"msg_id":"1"}"#.utf8), Data("{}".utf8), Data("{}".utf8), Data(#"{"code":"1+1"}"#.utf8)]
    #expect(MessageSigner(key: "secret").signature(of: frames)
        == "8b401df890f3e1a0a11fe0065dc9c527656a04e4c12230f675f0a5b83a2f600c")
}

@Test func encodeThenDecodeRoundTripsWithBuffers() throws {
    let codec = WireCodec(key: "secret")
    let message = sampleMessage(buffers: [Data([0, 1, 2]), Data()])
    let frames = codec.encode(message)
    #expect(frames[0] == Data("client".utf8))
    #expect(frames[1] == WireCodec.delimiter)
    #expect(frames[2].count == 64)
    #expect(try codec.decode(frames) == message)
}

@Test func tamperedContentIsRejected() {
    let codec = WireCodec(key: "secret")
    var frames = codec.encode(sampleMessage())
    frames[6] = Data(#"{"code":"rm()"}"#.utf8)
    #expect(throws: JupyterProtocolError.badSignature) { try codec.decode(frames) }
}

@Test func tamperedOrShortSignatureIsRejected() {
    let codec = WireCodec(key: "secret")
    var frames = codec.encode(sampleMessage())
    var signature = frames[2]
    signature[signature.startIndex] = signature.first == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    frames[2] = signature
    #expect(throws: JupyterProtocolError.badSignature) { try codec.decode(frames) }
    frames[2] = Data()
    #expect(throws: JupyterProtocolError.badSignature) { try codec.decode(frames) }
}

@Test func messageSignedWithAnotherKeyIsRejected() {
    let frames = WireCodec(key: "other").encode(sampleMessage())
    #expect(throws: JupyterProtocolError.badSignature) { try WireCodec(key: "secret").decode(frames) }
}

@Test func emptyKeySendsAnEmptySignatureAndAcceptsAny() throws {
    let codec = WireCodec(key: "")
    var frames = codec.encode(sampleMessage())
    #expect(frames[2].isEmpty)
    frames[2] = Data("whatever".utf8)
    #expect(try codec.decode(frames).content["code"] == "1+1")
}

@Test func missingDelimiterAndMissingFramesAreErrors() {
    let codec = WireCodec(key: "secret")
    let frames = codec.encode(sampleMessage())
    #expect(throws: JupyterProtocolError.missingDelimiter) { try codec.decode(frames.filter { $0 != WireCodec.delimiter }) }
    #expect(throws: JupyterProtocolError.missingFrames(found: 4)) { try codec.decode(Array(frames.dropLast())) }
}

@Test func invalidJSONIsAnErrorNotACrash() {
    let codec = WireCodec(key: "k")
    let parts = [Data(#"{"msg_id":"1","msg_type":"x"}"#.utf8), Data("{}".utf8), Data("{}".utf8), Data("{not json".utf8)]
    let frames = [WireCodec.delimiter, Data(codec.signer.signature(of: parts).utf8)] + parts
    #expect(throws: JupyterProtocolError.invalidFrame(
        name: "content", reason: "expected JSON, found 9 bytes that do not parse (invalid JSON at byte 1: expected a quoted member name)")) { try codec.decode(frames) }
}

@Test func headerWithoutMessageTypeIsAnError() {
    let codec = WireCodec(key: "")
    let frames = [WireCodec.delimiter, Data(), Data(#"{"msg_id":"1"}"#.utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]
    #expect(throws: JupyterProtocolError.self) { try codec.decode(frames) }
}

@Test func parentHeaderKeepsUnmodeledFields() throws {
    let codec = WireCodec(key: "k")
    var message = sampleMessage()
    var parent = message.header
    parent.extra = ["subshell_id": "abc"]
    message.parentHeader = parent
    let decoded = try codec.decode(codec.encode(message))
    #expect(decoded.parentHeader?.json["subshell_id"] == "abc")
}

@Test func freshHeadersHaveUniqueIDsAndISODates() {
    let first = MessageHeader.fresh(.status, session: "s", username: "kernel")
    let second = MessageHeader.fresh(.status, session: "s", username: "kernel")
    #expect(first.messageID != second.messageID)
    #expect(first.date.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/) != nil)
    #expect(first.version == ProtocolVersion.current)
}

@Test func replyTypeOfARequest() {
    #expect(MessageType.executeRequest.replyType == MessageType(rawValue: "execute_reply"))
    #expect(MessageType.commOpen.replyType == nil)
}

@Test func headerSerializationMatchesItsJSONWithAndWithoutExtraMembers() {
    var header = MessageHeader(messageID: "m\"1", session: "s", username: "ü", date: "2026-01-01T00:00:00.000000Z",
                               messageType: .executeRequest)
    #expect(header.serialized() == header.json.serialized())
    header.extra = ["subshell_id": "abc", "a": 1]
    #expect(header.serialized() == header.json.serialized())
}
