import CSQLite
import Foundation
import JupyterProtocol

/// The history database: the cells of every kernel run in one SQLite file, each run a new
/// session, as ipykernel's `history.sqlite`. Every sqlite3 call of the kernel is in this file.
final class SQLiteHistoryStore: HistoryStoring {
    /// A value bound to a statement's `?` parameter.
    enum Parameter {
        case int(Int)
        case text(String?)
    }

    let session: Int
    private let path: String
    private let database: OpaquePointer
    private var nextLine = 1
    private var writeFailed = false
    private let warn: (KernelError) -> Void

    private static let schema = [
        "CREATE TABLE IF NOT EXISTS sessions (session INTEGER PRIMARY KEY AUTOINCREMENT, start TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS history (session INTEGER NOT NULL, line INTEGER NOT NULL, \
        source TEXT NOT NULL, output TEXT, PRIMARY KEY (session, line))
        """,
    ]
    private static let columns = "SELECT session, line, source, output FROM history"

    /// Opens (creating it and its directory if needed) the database at `path` and starts a
    /// new session in it; `warn` hears, once, of the first cell that could not be stored.
    init(path: String, warn: @escaping (KernelError) -> Void) throws(KernelError) {
        self.path = path
        self.warn = warn
        database = try Self.open(path)
        do {
            for statement in Self.schema { try Self.execute(statement, on: database, path: path) }
            // The wire format's UTC timestamp, formatted by hand: Foundation's ISO8601DateFormatter
            // loads ICU's calendar and time zone data, 1-2 ms of a kernel's startup (perf, 2026-12-05).
            let started = WireTimestamp.now()
            try Self.execute("INSERT INTO sessions (start) VALUES (?)", [.text(started)], on: database, path: path)
            session = Int(sqlite3_last_insert_rowid(database))
        } catch {
            sqlite3_close(database)
            throw error
        }
    }

    deinit {
        sqlite3_close(database)
    }

    func append(input: String, output: String?) {
        let line = nextLine
        nextLine += 1
        do {
            try Self.execute("INSERT INTO history (session, line, source, output) VALUES (?, ?, ?, ?)",
                             [.int(session), .int(line), .text(input), .text(output)], on: database, path: path)
        } catch {
            // One warning: a full disk or a lost file would otherwise repeat it for every cell.
            if !writeFailed { warn(error) }
            writeFailed = true
        }
    }

    func tail(_ count: Int, unique: Bool) -> [HistoryEntry] {
        let newestFirst = rows(Self.columns + " ORDER BY session DESC, line DESC LIMIT ?", [.int(unique ? -1 : count)])
        return Self.lastOnes(Array(newestFirst.reversed()), count, unique: unique)
    }

    func range(session requested: Int, start: Int, stop: Int?) -> [HistoryEntry] {
        rows(Self.columns + " WHERE session = ? AND line >= ? AND line < ? ORDER BY line",
             [.int(absoluteSession(requested)), .int(start), .int(stop ?? Int.max)])
    }

    func search(pattern: String, limit: Int?, unique: Bool) -> [HistoryEntry] {
        let newestFirst = rows(Self.columns + " WHERE source GLOB ? ORDER BY session DESC, line DESC LIMIT ?",
                               [.text(pattern), .int(unique ? -1 : limit ?? -1)])
        return Self.lastOnes(Array(newestFirst.reversed()), limit ?? Int.max, unique: unique)
    }

    private static func lastOnes(_ entries: [HistoryEntry], _ count: Int, unique: Bool) -> [HistoryEntry] {
        Array((unique ? latestOfEach(entries) : entries).suffix(max(count, 0)))
    }

    /// The rows of a query; a failed read answers with no rows, as a history that is gone.
    private func rows(_ sql: String, _ parameters: [Parameter]) -> [HistoryEntry] {
        (try? Self.query(sql, parameters, on: database, path: path)) ?? []
    }
}

extension SQLiteHistoryStore {
    private static func open(_ path: String) throws(KernelError) -> OpaquePointer {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .historyDatabase(path: path, reason: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(handle)
            throw .historyDatabase(path: path, reason: reason)
        }
        // Another kernel writing at the same moment: wait briefly rather than fail.
        sqlite3_busy_timeout(handle, 1000)
        // The default rollback journal syncs the disk on every cell (about 15 ms here, more than
        // the whole rest of a round trip). A write-ahead log with synchronous=NORMAL syncs only at
        // checkpoints: a kernel crash loses nothing, a power cut at most the last few cells, as
        // IPython's cached history. Where WAL is unavailable SQLite keeps its journal; that is fine.
        sqlite3_exec(handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nil, nil, nil)
        return handle
    }

    private static func execute(_ sql: String, _ parameters: [Parameter] = [], on database: OpaquePointer,
                                path: String) throws(KernelError) {
        _ = try query(sql, parameters, on: database, path: path)
    }

    /// Runs one statement with its parameters bound, returning the rows it produced.
    private static func query(_ sql: String, _ parameters: [Parameter], on database: OpaquePointer,
                              path: String) throws(KernelError) -> [HistoryEntry] {
        func failure() -> KernelError {
            .historyDatabase(path: path, reason: String(cString: sqlite3_errmsg(database)))
        }
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &prepared, nil) == SQLITE_OK, let statement = prepared else {
            throw failure()
        }
        defer { sqlite3_finalize(statement) }
        for (offset, parameter) in parameters.enumerated() {
            guard bind(parameter, at: Int32(offset + 1), in: statement) == SQLITE_OK else { throw failure() }
        }
        var entries: [HistoryEntry] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: entries.append(entry(from: statement))
            case SQLITE_DONE: return entries
            default: throw failure()
            }
        }
    }

    private static func bind(_ parameter: Parameter, at index: Int32, in statement: OpaquePointer) -> Int32 {
        switch parameter {
        case .int(let value):
            return sqlite3_bind_int64(statement, index, Int64(value))
        case .text(nil):
            return sqlite3_bind_null(statement, index)
        case .text(let value?):
            // SQLITE_TRANSIENT: SQLite copies the string, which Swift frees after the call.
            return sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    private static func entry(from statement: OpaquePointer) -> HistoryEntry {
        func text(_ column: Int32) -> String? {
            sqlite3_column_text(statement, column).map { String(cString: $0) }
        }
        return HistoryEntry(session: Int(sqlite3_column_int64(statement, 0)), line: Int(sqlite3_column_int64(statement, 1)),
                            input: text(2) ?? "", output: text(3))
    }
}
