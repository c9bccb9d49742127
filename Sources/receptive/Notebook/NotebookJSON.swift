import JupyterProtocol

/// JSON text exactly as nbformat writes a notebook: `json.dumps(nb, indent=1, sort_keys=True,
/// separators=(",", ": "), ensure_ascii=False)` (nbformat/v4/nbjson.py) and the final newline
/// `nbformat.write` adds. A notebook written here and one written by Jupyter differ in no byte,
/// so `--save` leaves a clean diff behind.
enum NotebookJSON {
    /// The document's text, ending in a newline.
    static func text(of value: JSONValue) -> String {
        var text = ""
        write(value, level: 0, to: &text)
        return text + "\n"
    }

    private static func write(_ value: JSONValue, level: Int, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .double(let number): text += pythonRepr(number)
        case .string(let string): writeString(string, to: &text)
        case .array(let elements):
            guard !elements.isEmpty else { text += "[]"; return }
            text += "["
            for (index, element) in elements.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + indent(level + 1)
                write(element, level: level + 1, to: &text)
            }
            text += "\n" + indent(level) + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{"
            // Python sorts keys by code point; Swift's String `<` does not order every
            // non-ASCII key that way.
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + indent(level + 1)
                writeString(key, to: &text)
                text += ": "
                write(members[key] ?? .null, level: level + 1, to: &text)
            }
            text += "\n" + indent(level) + "}"
        }
    }

    private static func indent(_ level: Int) -> String {
        String(repeating: " ", count: level)
    }

    /// A string as Python's encoder writes it with `ensure_ascii=False`: the two-character
    /// escapes it knows, `\u00XX` for the other control characters, everything else as is.
    static func writeString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// A finite Double as Python's `repr` writes it: the shortest digits that read back to the
    /// same value (Swift's `description` finds the same digits), in positional notation when
    /// the decimal exponent is in -4..<16 and in exponent notation (`1e-05`, `1e+16`)
    /// otherwise. JSON has no non-finite numbers, and the parser never produces one.
    static func pythonRepr(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "NaN" : (number > 0 ? "Infinity" : "-Infinity") }
        let (negative, digits, exponent) = shortestDigits(number)
        let sign = negative ? "-" : ""
        if exponent < -4 || exponent >= 16 {
            let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
            let power = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + power
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let whole = digits.count > exponent + 1
            ? String(digits.prefix(exponent + 1)) + "." + String(digits.dropFirst(exponent + 1))
            : digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        return sign + whole
    }

    /// The sign, significant digits (no leading or trailing zeros, "0" for zero) and decimal
    /// exponent of the first digit, read from Swift's shortest round-trip `description`.
    private static func shortestDigits(_ number: Double) -> (negative: Bool, digits: String, exponent: Int) {
        var text = Substring(number.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var firstDigitExponent = exponent + integer.count - 1
        while digits.first == "0" && digits.count > 1 {
            digits.removeFirst()
            firstDigitExponent -= 1
        }
        while digits.last == "0" && digits.count > 1 { digits.removeLast() }
        if digits == "0" { firstDigitExponent = 0 }
        return (number.sign == .minus, digits, firstDigitExponent)
    }
}
