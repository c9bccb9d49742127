/// A bounds-checked cursor over a file's bytes: every read either succeeds or throws
/// `TensorError.io` naming the file and what was missing, so a truncated file cannot crash.
struct ByteReader {
    /// The whole file.
    let bytes: [UInt8]
    /// The file's name, for messages.
    let fileName: String
    /// The next byte to read.
    private(set) var position = 0

    /// Creates a reader at the start of `bytes`.
    init(_ bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }

    /// How many bytes remain after the cursor.
    var remaining: Int { bytes.count - position }

    /// An io error about this file.
    func failure(_ message: String) -> TensorError {
        .io("\(fileName): \(message)")
    }

    /// The next `count` bytes; `what` names them in the truncation message.
    mutating func take(_ count: Int, _ what: String) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else {
            throw failure("the file is truncated: expected \(count) bytes of \(what), found \(remaining)")
        }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    /// A little-endian unsigned integer of `width` bytes.
    mutating func littleEndian(_ width: Int, _ what: String) throws -> Int {
        let slice = try take(width, what)
        return slice.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// The next byte without consuming it, or nil at the end.
    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Consumes one byte.
    mutating func skipByte() { if position < bytes.count { position += 1 } }
}
