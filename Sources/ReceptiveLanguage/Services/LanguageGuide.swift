/// The language guide (docs/language.md) with its examples' outputs brought up to date:
/// `receptive help --guide docs/language.md`.
///
/// The guide is written by hand; only its outputs are generated. Every fenced block opened with
/// ```` ```receptive ```` is an example: it runs as in the reference manual (`ExampleRun`: a
/// cell of its own in a fresh session), and the ```` ```text ```` block that follows it (after
/// one blank line) is replaced by what it showed, an error as a front end shows it (message,
/// source line, caret). An example that shows nothing has no output block. Other blocks (plain
/// ```` ``` ````, ```` ```sh ````, …) are left alone, so syntax sketches need not run.
///
/// The test suite fails when the committed guide differs from this rendering, as it does for
/// docs/reference.md.
public enum LanguageGuide {
    /// The opening fence of an example.
    static let exampleFence = "```receptive"
    /// The opening fence of an output block.
    static let outputFence = "```text"

    /// `markdown` with every example's output block regenerated; deterministic.
    public static func refreshed(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trailingNewline = lines.last == ""
        if trailingNewline { lines.removeLast() }
        var result: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            result.append(line)
            index += 1
            guard line == exampleFence else {
                if line.hasPrefix("```") { index = copyBlock(lines, from: index, into: &result) }
                continue
            }
            let start = index
            index = copyBlock(lines, from: index, into: &result)
            let source = lines[start..<max(start, index - 1)].joined(separator: "\n")
            index = skipOutputBlock(lines, from: index)
            let shown = ExampleRun(source).transcriptWithTraceback
            if !shown.isEmpty {
                result += ["", outputFence] + trimmingTrailingNewlines(shown).split(
                    separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["```"]
            }
        }
        return result.joined(separator: "\n") + (trailingNewline ? "\n" : "")
    }

    /// Copies the lines of a fenced block after its opening fence, through its closing fence;
    /// returns the index after it (the end of the text when the block is not closed).
    private static func copyBlock(_ lines: [String], from start: Int, into result: inout [String]) -> Int {
        var index = start
        while index < lines.count {
            result.append(lines[index])
            index += 1
            if lines[index - 1] == "```" { break }
        }
        return index
    }

    /// The index after the output block that follows an example (one blank line, then a
    /// ```` ```text ```` block), or `start` when there is none.
    private static func skipOutputBlock(_ lines: [String], from start: Int) -> Int {
        guard start + 1 < lines.count, lines[start].isEmpty, lines[start + 1] == outputFence else { return start }
        var index = start + 2
        while index < lines.count {
            index += 1
            if lines[index - 1] == "```" { break }
        }
        return index
    }

    private static func trimmingTrailingNewlines(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
