import Crypto
import Foundation

/// Signs and verifies message frames with HMAC-SHA256 (hex), or not at all for an empty key.
public struct MessageSigner: Sendable {
    private let key: SymmetricKey?

    /// A signer for `key`; an empty key means messages are neither signed nor checked.
    public init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
    }

    /// Whether messages are signed.
    public var isSigning: Bool { key != nil }

    /// The lowercase hex HMAC of `frames` (header, parent header, metadata, content); "" unsigned.
    public func signature(of frames: [Data]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: key)
        for frame in frames { hmac.update(data: frame) }
        return Data(hmac.finalize()).map { Self.hexDigits[Int($0)] }.joined()
    }

    /// Whether `signature` is right for `frames`; compares the length, then in constant time.
    public func verify(signature: Data, frames: [Data]) -> Bool {
        guard key != nil else { return true }
        let expected = Data(self.signature(of: frames).utf8)
        guard signature.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(signature, expected) { difference |= left ^ right }
        return difference == 0
    }

    private static let hexDigits: [String] = (0..<256).map { byte in
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
    }
}
