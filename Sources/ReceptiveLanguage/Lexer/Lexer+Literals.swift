/// Number and string literals.
extension Lexer {
    private static let maximumStringLength = 1_000_000

    mutating func number() {
        digits()
        if current == ".", let after = next, ("0"..."9").contains(after) {
            _ = advance()
            digits()
        }
        if current == "e" || current == "E" {
            _ = advance()
            if current == "+" || current == "-" { _ = advance() }
            guard let after = current, ("0"..."9").contains(after) else {
                error(SyntaxMessage.missingExponent(pendingText))
                return
            }
            digits()
        }
        // Built scalar by scalar: Foundation's replacingOccurrences was most of the cost of
        // lexing a short cell (callgrind: 28,000 instructions of a `1 + 1` cell's 70,000).
        var text = String.UnicodeScalarView()
        for scalar in scalars[tokenStart.offset..<index] where scalar != "_" { text.append(scalar) }
        guard let value = Double(String(text)) else {
            error(SyntaxMessage.notANumber(pendingText))
            return
        }
        add(.number(value))
    }

    private mutating func digits() {
        while let next = current, ("0"..."9").contains(next) || next == "_" { _ = advance() }
    }

    mutating func string() {
        var text = String.UnicodeScalarView()
        while let next = current, next != "\"" {
            if next == "\n" { break }
            let scalar = advance()
            if scalar == "\\" {
                guard let escaped = escape() else { continue }
                text.append(escaped)
            } else {
                text.append(scalar)
            }
        }
        guard match("\"") else {
            markUnterminatedString()
            error(SyntaxMessage.unterminatedString)
            // Still a string token, so the parser does not report a second error for it.
            add(.string(String(text)))
            return
        }
        guard text.count <= Lexer.maximumStringLength else {
            errors.append(RuntimeError(.limit, SyntaxMessage.stringLiteralTooLong(text.count, limit: Lexer.maximumStringLength),
                                       at: SourceRange(start: tokenStart, end: location)))
            return
        }
        add(.string(String(text)))
    }

    private mutating func escape() -> Unicode.Scalar? {
        guard let scalar = current, scalar != "\n" else { return nil }
        _ = advance()
        switch scalar {
        case "n": return "\n"
        case "t": return "\t"
        case "\"": return "\""
        case "\\": return "\\"
        default:
            errors.append(RuntimeError(.syntax, SyntaxMessage.unknownEscape(scalar),
                                       at: SourceRange(start: tokenStart, end: location)))
            return nil
        }
    }
}
