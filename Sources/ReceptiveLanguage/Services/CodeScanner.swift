/// Finds what is under or just before a cursor in partly typed code, for completion and
/// inspection. Offsets are Unicode-scalar (code point) offsets.
struct CodeScanner {
    private let scalars: [Unicode.Scalar]

    /// Wraps `code`.
    init(_ code: String) {
        scalars = Array(code.unicodeScalars)
    }

    /// The identifier characters immediately before `cursor`: (start offset, text).
    func word(before cursor: Int) -> (start: Int, text: String) {
        let end = max(0, min(cursor, scalars.count))
        var start = end
        while start > 0, CodeScanner.isIdentifier(scalars[start - 1]) { start -= 1 }
        return (start, String(String.UnicodeScalarView(scalars[start..<end])))
    }

    /// The whole identifier around `cursor` (extending to both sides).
    func word(around cursor: Int) -> String {
        let (start, _) = word(before: cursor)
        var end = max(0, min(cursor, scalars.count))
        while end < scalars.count, CodeScanner.isIdentifier(scalars[end]) { end += 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The scalar just before `offset`, skipping nothing.
    func scalar(before offset: Int) -> Unicode.Scalar? {
        offset > 0 && offset <= scalars.count ? scalars[offset - 1] : nil
    }

    /// The name of the innermost call whose `(` is still open before `cursor`, if any.
    func enclosingCall(before cursor: Int) -> String? {
        var depth = 0
        var index = min(cursor, scalars.count) - 1
        while index >= 0 {
            switch scalars[index] {
            case ")", "]": depth += 1
            case "[": depth -= 1
            case "(":
                if depth == 0 {
                    let name = word(before: index).text
                    return name.isEmpty ? nil : name
                }
                depth -= 1
            case "\n" where depth < 0: return nil
            default: break
            }
            if depth < 0 { return nil }
            index -= 1
        }
        return nil
    }

    static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
