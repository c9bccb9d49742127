/// The cells run in this kernel process, numbered from 1, with the plain-text result of each;
/// used when no history database is wanted or the database cannot be opened.
struct HistoryStore: HistoryStoring {
    /// This process's session number; this store does not outlive the process.
    let session = 1
    private(set) var entries: [HistoryEntry] = []

    mutating func append(input: String, output: String?) {
        entries.append(HistoryEntry(session: session, line: entries.count + 1, input: input, output: output))
    }

    func tail(_ count: Int, unique: Bool) -> [HistoryEntry] {
        Array((unique ? Self.latestOfEach(entries) : entries).suffix(max(count, 0)))
    }

    func range(session requested: Int, start: Int, stop: Int?) -> [HistoryEntry] {
        guard absoluteSession(requested) == session else { return [] }
        let end = stop ?? Int.max
        return entries.filter { $0.line >= start && $0.line < end }
    }

    func search(pattern: String, limit: Int?, unique: Bool) -> [HistoryEntry] {
        let glob = GlobPattern(pattern)
        let matches = entries.filter { glob.matches($0.input) }
        let chosen = unique ? Self.latestOfEach(matches) : matches
        guard let limit else { return chosen }
        return Array(chosen.suffix(max(limit, 0)))
    }
}
