import Crypto
import Foundation

/// Signs and verifies message frames with HMAC-SHA256 (hex), or not at all for an empty key.
public struct MessageSigner: Sendable {
    /// An HMAC already keyed, copied for each message: keying it costs as much as hashing a
    /// small message.
    private let keyed: HMAC<SHA256>?

    /// A signer for `key`; an empty key means messages are neither signed nor checked.
    public init(key: String) {
        keyed = key.isEmpty ? nil : HMAC<SHA256>(key: SymmetricKey(data: Data(key.utf8)))
    }

    /// Whether messages are signed.
    public var isSigning: Bool { keyed != nil }

    /// The lowercase hex HMAC of `frames` (header, parent header, metadata, content); "" unsigned.
    public func signature(of frames: [Data]) -> String {
        String(decoding: hexDigest(of: frames), as: UTF8.self)
    }

    /// Whether `signature` is right for `frames`; compares the length, then in constant time.
    public func verify(signature: Data, frames: [Data]) -> Bool {
        guard keyed != nil else { return true }
        let expected = hexDigest(of: frames)
        guard signature.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(signature, expected) { difference |= left ^ right }
        return difference == 0
    }

    /// The signature as the ASCII bytes sent on the wire; empty unsigned.
    func hexDigest(of frames: [Data]) -> [UInt8] {
        guard var hmac = keyed else { return [] }
        for frame in frames { hmac.update(data: frame) }
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in hmac.finalize() {
            hex.append(Self.hexDigits[Int(byte >> 4)])
            hex.append(Self.hexDigits[Int(byte & 0xF)])
        }
        return hex
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
