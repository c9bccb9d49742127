import Foundation

/// Where a request loop reads multipart requests and writes replies: a ROUTER socket in the
/// kernel, an in-memory queue in tests. Used by one thread only.
protocol RequestChannel: AnyObject {
    /// The next message if one arrives within `timeoutMilliseconds` (0: only if already queued).
    func receive(timeoutMilliseconds: Int) throws -> [Data]?
    /// Sends one multipart message.
    func send(_ frames: [Data]) throws
}
