/// The cells run in this kernel process, numbered from 1, with the plain-text result of each.
struct HistoryStore {
    /// One stored cell.
    struct Entry: Equatable {
        /// The cell's number (its execution count).
        var line: Int
        /// The source.
        var input: String
        /// The `text/plain` of its result, or nil when it had none.
        var output: String?
    }

    /// This process's session number; history does not outlive the process.
    let session = 1
    private(set) var entries: [Entry] = []

    /// Stores one cell as the next line.
    mutating func append(input: String, output: String?) {
        entries.append(Entry(line: entries.count + 1, input: input, output: output))
    }

    /// The last `count` cells, oldest first; with `unique`, only the latest of equal inputs.
    func tail(_ count: Int, unique: Bool) -> [Entry] {
        Array((unique ? Self.latestOfEach(entries) : entries).suffix(max(count, 0)))
    }

    /// Lines `start..<stop` (stop nil: to the end) of `session`; 0 also means this session.
    func range(session requested: Int, start: Int, stop: Int?) -> [Entry] {
        guard requested == 0 || requested == session else { return [] }
        let end = stop ?? Int.max
        return entries.filter { $0.line >= start && $0.line < end }
    }

    /// Cells whose whole input matches the glob `pattern` (`*`, `?`, `[…]`), oldest first;
    /// the last `limit` of them when given; with `unique`, only the latest of equal inputs.
    func search(pattern: String, limit: Int?, unique: Bool) -> [Entry] {
        let glob = GlobPattern(pattern)
        let matches = entries.filter { glob.matches($0.input) }
        let chosen = unique ? Self.latestOfEach(matches) : matches
        guard let limit else { return chosen }
        return Array(chosen.suffix(max(limit, 0)))
    }

    private static func latestOfEach(_ entries: [Entry]) -> [Entry] {
        var seen: Set<String> = []
        return entries.reversed().filter { seen.insert($0.input).inserted }.reversed()
    }
}
