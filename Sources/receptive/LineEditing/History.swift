import Foundation

/// The lines entered at the prompt, newest last, kept in a file across sessions when it can be
/// read and written; otherwise in memory only, after one warning.
final class History {
    /// How many lines a history keeps unless told otherwise.
    static let defaultLimit = 1_000

    /// How many lines this history keeps.
    let limit: Int

    /// The remembered lines, oldest first.
    private(set) var entries: [String] = []
    private var file: URL?
    private let warn: (String) -> Void

    /// The newest `limit` lines stored in `file` (nil: in memory only); `warn` receives the one
    /// message printed if the file cannot be used.
    init(file: URL?, limit: Int = defaultLimit, warn: @escaping (String) -> Void) {
        self.file = file
        self.limit = max(1, limit)
        self.warn = warn
        load()
    }

    /// The default history file: `$XDG_DATA_HOME/receptive/history`, else
    /// `~/.local/share/receptive/history`; nil when neither location is known.
    static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("receptive/history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/receptive/history")
    }

    /// Remembers a line (blank lines and repeats of the previous line are skipped) and saves.
    func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != entries.last else { return }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        save()
    }

    private func load() {
        guard let file, FileManager.default.fileExists(atPath: file.path) else { return }
        do {
            let text = try String(contentsOf: file, encoding: .utf8)
            entries = Array(text.split(separator: "\n").map(String.init).suffix(limit))
        } catch {
            giveUpOnFile(file, reading: true, error)
        }
    }

    private func save() {
        guard let file else { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data((entries.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        } catch {
            giveUpOnFile(file, reading: false, error)
        }
    }

    // One warning, then the session goes on with the history in memory.
    private func giveUpOnFile(_ file: URL, reading: Bool, _ error: any Error) {
        self.file = nil
        let action = reading ? "read" : "written"
        warn("warning: the history file \(file.path) cannot be \(action) (\(error.localizedDescription)); "
             + "this session keeps its history in memory only. Check the file's permissions, or set XDG_DATA_HOME.\n")
    }
}
