/// Where `history_request` finds the cells run so far: in memory for one process, or in a
/// database that outlives it (as ipykernel's history database).
protocol HistoryStoring {
    /// This kernel run's session number.
    var session: Int { get }

    /// Stores one cell as the next line of this session.
    mutating func append(input: String, output: String?)

    /// The last `count` cells of all sessions, oldest first; with `unique`, only the latest
    /// of equal inputs.
    func tail(_ count: Int, unique: Bool) -> [HistoryEntry]

    /// Lines `start..<stop` (stop nil: to the end) of `session`; 0 means this session and a
    /// negative number counts back from it, as IPython's `get_range`.
    func range(session: Int, start: Int, stop: Int?) -> [HistoryEntry]

    /// Cells whose whole input matches the glob `pattern` (`*`, `?`, `[…]`), oldest first;
    /// the last `limit` of them when given; with `unique`, only the latest of equal inputs.
    func search(pattern: String, limit: Int?, unique: Bool) -> [HistoryEntry]
}

extension HistoryStoring {
    /// The absolute session number a request names: 0 is this session, -1 the one before.
    func absoluteSession(_ requested: Int) -> Int {
        requested <= 0 ? session + requested : requested
    }

    /// `entries` with only the latest of equal inputs kept, in their original order.
    static func latestOfEach(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        var seen: Set<String> = []
        return entries.reversed().filter { seen.insert($0.input).inserted }.reversed()
    }
}
