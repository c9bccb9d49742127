/// A shell-style wildcard pattern as IPython's history search uses (SQLite GLOB): `*` any run
/// of characters, `?` one character, `[abc]`, `[a-z]`, `[^abc]` one of a set; the rest literal.
struct GlobPattern {
    private let pattern: [Character]

    init(_ pattern: String) {
        self.pattern = Array(pattern)
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        match(pattern[...], Array(text)[...])
    }

    private func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var pattern = pattern, text = text
        while let head = pattern.first {
            switch head {
            case "*":
                let rest = pattern.dropFirst()
                return text.indices.contains { match(rest, text[$0...]) } || match(rest, text[text.endIndex...])
            case "?":
                guard !text.isEmpty else { return false }
            case "[":
                guard let character = text.first, let (matched, length) = matchClass(pattern, character),
                      matched else { return false }
                pattern = pattern.dropFirst(length - 1)
            default:
                guard text.first == head else { return false }
            }
            pattern = pattern.dropFirst()
            text = text.dropFirst()
        }
        return text.isEmpty
    }

    /// Whether `character` is in the class starting at `pattern.first` ("["), and the class's
    /// length; nil for an unclosed class, which then matches nothing.
    private func matchClass(_ pattern: ArraySlice<Character>, _ character: Character) -> (Bool, Int)? {
        var index = pattern.index(after: pattern.startIndex)
        let negated = index < pattern.endIndex && pattern[index] == "^"
        if negated { index += 1 }
        var found = false
        var first = true
        while index < pattern.endIndex, pattern[index] != "]" || first {
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                found = found || (pattern[index]...pattern[index + 2]).contains(character)
                index += 3
            } else {
                found = found || pattern[index] == character
                index += 1
            }
        }
        guard index < pattern.endIndex else { return nil }
        return (found != negated, index - pattern.startIndex + 1)
    }
}
