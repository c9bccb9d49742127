import Synchronization

/// The comms open in this kernel session, by id, with the target each was opened on: what
/// `comm_info_request` lists and what decides whether a `comm_msg` reaches the interpreter.
///
/// Comms belong to the kernel session, not to a cell: they stay open across cells until
/// either side closes them, and a shutdown (or restart) closes them all. The shell thread
/// opens and closes them; the control thread closes them all when a shutdown arrives there
/// while a cell may be running, hence the lock.
final class CommTable: Sendable {
    private let targets = Mutex<[String: String]>([:])

    /// The target of the open comm `id`, or nil when no such comm is open.
    func target(of id: String) -> String? { targets.withLock { $0[id] } }

    /// Records `id` as open on `target`.
    func open(_ id: String, target: String) { targets.withLock { $0[id] = target } }

    /// Forgets `id`; returns its target, or nil when it was not open.
    @discardableResult
    func close(_ id: String) -> String? { targets.withLock { $0.removeValue(forKey: id) } }

    /// The open comms, optionally only those on `target`, as `comm_info_reply.comms`.
    func listing(target: String?) -> [String: String] {
        targets.withLock { $0.filter { target == nil || $0.value == target } }
    }

    /// Forgets every comm and returns their ids, sorted so that closing them is reproducible.
    func closeAll() -> [String] {
        targets.withLock { targets in
            defer { targets.removeAll() }
            return targets.keys.sorted()
        }
    }

    /// Publishes `comm_close` for every open comm, parented to `request` (a shutdown).
    func closeAll(answering request: Request) {
        for id in closeAll() {
            request.publish(.commClose, ["comm_id": .string(id), "data": [:]])
        }
    }
}
