/// Parses UTF-8 JSON text (RFC 8259) straight into `JSONValue`, one pass over the bytes.
///
/// Every request the kernel receives goes through this four times (header, parent header,
/// metadata, content); Foundation's `JSONDecoder` with a `Decodable` `JSONValue` cost more
/// than the rest of a round trip's kernel work.
struct JSONParser {
    /// Deeper nesting is refused rather than risking the stack on hostile input.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The one JSON value in `bytes`, with nothing but whitespace around it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JupyterProtocolError) -> JSONValue {
        var parser = JSONParser(bytes)
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("expected the end of the text") }
        return value
    }

    private mutating func value() throws(JupyterProtocolError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw failure("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try nested { (parser) throws(JupyterProtocolError) in try parser.object() }
        case UInt8(ascii: "["): return try nested { (parser) throws(JupyterProtocolError) in try parser.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func nested(
        _ body: (inout JSONParser) throws(JupyterProtocolError) -> JSONValue
    ) throws(JupyterProtocolError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("expected at most \(Self.maximumDepth) levels of nesting") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(JupyterProtocolError) -> JSONValue {
        position += 1
        var members: [String: JSONValue] = [:]
        if consume(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted member name")
            }
            let key = try string()
            guard consume(UInt8(ascii: ":")) else { throw failure("expected ':' after a member name") }
            members[key] = try value()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { throw failure("expected ',' or '}' in an object") }
        return .object(members)
    }

    private mutating func array() throws(JupyterProtocolError) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            elements.append(try value())
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { throw failure("expected ',' or ']' in an array") }
        return .array(elements)
    }

    /// Skips whitespace, then steps over `byte` if it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JupyterProtocolError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] })
        else { throw failure("expected a value") }
        position += count
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The error for this position: what was expected, and the offset where it was not found.
    func failure(_ expected: String) -> JupyterProtocolError {
        .invalidJSON(offset: position, reason: expected)
    }
}

extension JSONParser {
    /// A string starting at the opening quote; unescaped runs are copied whole.
    private mutating func string() throws(JupyterProtocolError) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try text(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(prefix: start) }
            guard byte >= 0x20 else { throw failure("expected control characters in a string to be escaped") }
            position += 1
        }
        throw failure("expected a closing '\"'")
    }

    /// The rest of a string that contains escapes; `prefix` is where its text began.
    private mutating func escapedString(prefix start: Int) throws(JupyterProtocolError) -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try utf8.withUnsafeBufferPointer { (buffer) throws(JupyterProtocolError) in try text(buffer) }
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                position -= 1
                throw failure("expected control characters in a string to be escaped")
            default:
                utf8.append(byte)
            }
        }
        throw failure("expected a closing '\"'")
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(JupyterProtocolError) {
        guard position < bytes.count else { throw failure("expected an escape after '\\'") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: String(try unicodeEscape()).utf8)
        default:
            position -= 1
            throw failure("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'")
        }
    }

    /// The scalar of a `\uXXXX` escape (after the `u`), joining a surrogate pair.
    private mutating func unicodeEscape() throws(JupyterProtocolError) -> Unicode.Scalar {
        let first = try hexQuad()
        var value = UInt32(first)
        if (0xD800..<0xDC00).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("expected a low surrogate \\uDC00-\\uDFFF after a high surrogate")
            }
            position += 2
            let second = try hexQuad()
            guard (0xDC00..<0xE000).contains(second) else {
                throw failure("expected a low surrogate \\uDC00-\\uDFFF after a high surrogate")
            }
            value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("expected a high surrogate before a low one") }
        return scalar
    }

    private mutating func hexQuad() throws(JupyterProtocolError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw failure("expected four hex digits after '\\u'") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("expected four hex digits after '\\u'")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    private func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(JupyterProtocolError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("expected UTF-8 text in a string") }
        return text
    }
}

extension JSONParser {
    /// A number: `.int` without fraction or exponent when it fits, else `.double`.
    private mutating func number() throws(JupyterProtocolError) -> JSONValue {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw failure("expected a value") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            position = start
            throw failure("expected no leading zeros in a number")
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw failure("expected digits after '.' in a number") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            isInteger = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw failure("expected digits in a number's exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw failure("expected a number") }
        return .double(value)
    }

    /// Steps over decimal digits and returns how many there were.
    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }
}
