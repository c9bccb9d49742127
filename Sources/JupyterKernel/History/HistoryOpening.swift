/// A history store opened on a thread of its own, so that the kernel answers its first
/// requests while the database opens: the store is waited for only when a request first needs it.
///
/// Opening the SQLite database (creating its tables, switching to WAL, inserting the session row
/// and syncing it) took 2–5 ms of the 15–25 ms from exec to the first `kernel_info_reply`, most of
/// it a `fdatasync` (perf over ten starts, 2026-12-05; benchmarks/results/kernel-latency.md). The
/// session row is still written at startup, as before, so a kernel that never runs a cell keeps
/// its session number. Only the shell thread uses this store after `init`.
final class HistoryOpening: HistoryStoring {
    private let opening: KernelThread
    private let opened: Handover
    private var ready: (any HistoryStoring)?

    /// Starts `open` on a new thread at once.
    init(_ open: @escaping @Sendable () -> any HistoryStoring) {
        let opened = Handover()
        self.opened = opened
        opening = KernelThread(name: "history") { opened.store = open() }
    }

    /// The opened store, waiting for the opening thread the first time.
    private var store: any HistoryStoring {
        if let ready { return ready }
        opening.join()
        // The semaphore `join` waits on is signalled after `store` was written: the write
        // happens before this read, and the opening thread touches it no more.
        let store = opened.store ?? HistoryStore()
        ready = store
        return store
    }

    var session: Int { store.session }

    func append(input: String, output: String?) {
        var store = self.store
        store.append(input: input, output: output)
        ready = store
    }

    func tail(_ count: Int, unique: Bool) -> [HistoryEntry] { store.tail(count, unique: unique) }

    func range(session: Int, start: Int, stop: Int?) -> [HistoryEntry] {
        store.range(session: session, start: start, stop: stop)
    }

    func search(pattern: String, limit: Int?, unique: Bool) -> [HistoryEntry] {
        store.search(pattern: pattern, limit: limit, unique: unique)
    }
}

/// The opened store, passed from the opening thread to the shell thread: written once by the
/// one and read only after `KernelThread.join` returned on the other.
private final class Handover: @unchecked Sendable {
    var store: (any HistoryStoring)?
}
