/// A unified diff of two texts, line by line, in the layout of `diff -u` and Python's
/// `difflib.unified_diff`: `---`/`+++` labels, `@@ -a,b +c,d @@` hunks with three lines of
/// context.
enum TextDiff {
    /// The diff, or "" when the texts are equal.
    static func unified(_ old: String, _ new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(edits, context: context) {
            let oldStart = hunk.first { $0.kind != .inserted }?.oldLine ?? (hunk.first?.oldLine ?? 0)
            let newStart = hunk.first { $0.kind != .deleted }?.newLine ?? (hunk.first?.newLine ?? 0)
            let oldCount = hunk.filter { $0.kind != .inserted }.count
            let newCount = hunk.filter { $0.kind != .deleted }.count
            text += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                let line = edit.kind == .inserted ? b[edit.newLine] : a[edit.oldLine]
                let marker = edit.kind == .same ? " " : (edit.kind == .deleted ? "-" : "+")
                text += marker + line + (line.hasSuffix("\n") ? "" : "\n\\ No newline at end of text\n")
            }
        }
        return text
    }

    private enum Kind { case same, deleted, inserted }

    private struct Edit {
        let kind: Kind
        /// 0-based line in the old text (for an insertion: the old line it comes before).
        let oldLine: Int
        /// 0-based line in the new text (for a deletion: the new line it comes before).
        let newLine: Int
    }

    /// Lines with their line ends.
    private static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var start = text.startIndex
        while let end = text[start...].firstIndex(of: "\n") {
            lines.append(String(text[start...end]))
            start = text.index(after: end)
        }
        if start < text.endIndex { lines.append(String(text[start...])) }
        return lines
    }

    /// An edit script from a longest common subsequence. Cell outputs are at most a few
    /// hundred lines, so the quadratic table costs nothing worth a cleverer algorithm.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
                // Deletions before insertions, as diff and difflib show a changed line.
                edits.append(Edit(kind: .deleted, oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(kind: .inserted, oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }

    /// Changed edits with up to `context` unchanged ones around them; groups closer than
    /// twice the context share a hunk.
    private static func hunks(_ edits: [Edit], context: Int) -> [[Edit]] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...range.upperBound
            } else {
                groups.append(range)
            }
        }
        return groups.map { Array(edits[$0]) }
    }

    /// `start,count` as diff writes it: 1-based, the line before for an empty range.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }
}
