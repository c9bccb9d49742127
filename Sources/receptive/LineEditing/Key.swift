/// One key press as the line editor understands it, decoded from the bytes a terminal sends.
enum Key: Equatable {
    case character(Unicode.Scalar)
    case enter, tab, backspace, delete
    /// Ctrl-U and Ctrl-K: delete to the start or the end of the line.
    case deleteToStart, deleteToEnd
    case left, right, up, down, home, end
    /// Ctrl-C: abandon the input.
    case interrupt
    /// Ctrl-D: end of input on an empty line, delete otherwise.
    case endOfFile
    /// A sequence the editor does not handle; it is ignored.
    case unknown

    /// Decodes the next key from `next`, which yields the terminal's bytes one by one
    /// (nil when input has ended). Returns nil at the end of input.
    static func read(from next: () -> UInt8?) -> Key? {
        guard let byte = next() else { return nil }
        switch byte {
        case 0x01: return .home
        case 0x02: return .left
        case 0x03: return .interrupt
        case 0x04: return .endOfFile
        case 0x05: return .end
        case 0x06: return .right
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x0B: return .deleteToEnd
        case 0x15: return .deleteToStart
        case 0x0E: return .down
        case 0x10: return .up
        case 0x08, 0x7F: return .backspace
        case 0x1B: return readEscape(from: next)
        case 0x20..<0x7F: return .character(Unicode.Scalar(byte))
        case 0xC0...0xF7: return readUTF8(leading: byte, from: next)
        default: return .unknown
        }
    }

    /// Decodes `ESC [ X`, `ESC O X` and `ESC [ n ~` sequences.
    private static func readEscape(from next: () -> UInt8?) -> Key {
        guard let introducer = next(), introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O"),
              let final = next() else { return .unknown }
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var number = Int(final - UInt8(ascii: "0"))
            while let byte = next(), byte != UInt8(ascii: "~") {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return .unknown }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return [1: .home, 7: .home, 4: .end, 8: .end, 3: .delete][number] ?? .unknown
        default: return .unknown
        }
    }

    /// Decodes a multi-byte UTF-8 character whose first byte is `leading`.
    private static func readUTF8(leading: UInt8, from next: () -> UInt8?) -> Key {
        let continuationCount = leading >= 0xF0 ? 3 : leading >= 0xE0 ? 2 : 1
        var bytes = [leading]
        for _ in 0..<continuationCount {
            guard let byte = next() else { return .unknown }
            bytes.append(byte)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self),
              let scalar = decoded.unicodeScalars.first else { return .unknown }
        return .character(scalar)
    }
}
