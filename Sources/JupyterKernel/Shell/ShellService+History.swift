import JupyterProtocol

extension ShellService {
    /// `history_request`: tail, range or search, with or without outputs.
    func historyReply(_ request: Request) -> Response {
        let unique = request.bool("unique", false)
        let entries: [HistoryEntry]
        switch request.string("hist_access_type", "range") {
        case "tail":
            entries = history.tail(request.int("n") ?? 10, unique: unique)
        case "search":
            entries = history.search(pattern: request.string("pattern", "*"), limit: request.int("n"), unique: unique)
        default:
            entries = history.range(session: request.int("session") ?? 0, start: request.int("start") ?? 1,
                                    stop: request.int("stop"))
        }
        let output = request.bool("output", false)
        let items: [JSONValue] = entries.map { entry in
            let input = JSONValue.string(entry.input)
            let result = entry.output.map { JSONValue.string($0) } ?? .null
            return [.int(entry.session), .int(entry.line), output ? [input, result] : input]
        }
        return .reply(["status": "ok", "history": .array(items)])
    }
}
