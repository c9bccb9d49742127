import Foundation
import JupyterProtocol

/// A request channel that can look at the requests already waiting behind the one being
/// served, without taking them: the shell reads ahead so that a comm target can tell that a
/// newer message for the same comm is queued and skip work the newer one would redo
/// (coalescing a slider's fast updates instead of working through a backlog).
///
/// Frames read ahead are handed out by `receive` first, in arrival order, so nothing is lost
/// or reordered. Shell-thread only, like the channel it wraps.
final class LookaheadChannel: RequestChannel {
    private let channel: RequestChannel
    private let codec: WireCodec
    /// Frames received but not yet served, with their decoded message once looked at (nil
    /// when they do not decode: the dispatcher will log and drop them in turn).
    private var waiting: [(frames: [Data], message: Message?)] = []
    /// How many waiting entries have been decoded.
    private var decoded = 0

    init(_ channel: RequestChannel, codec: WireCodec) {
        self.channel = channel
        self.codec = codec
    }

    func receive(timeoutMilliseconds: Int) throws -> [Data]? {
        if !waiting.isEmpty {
            decoded = max(0, decoded - 1)
            return waiting.removeFirst().frames
        }
        return try channel.receive(timeoutMilliseconds: timeoutMilliseconds)
    }

    func send(_ frames: [Data]) throws {
        try channel.send(frames)
    }

    /// Whether any request waiting now (read ahead before, or arrived since) satisfies
    /// `predicate`. Each is decoded, and its signature checked, once; undecodable ones never match.
    func containsQueued(where predicate: (Message) -> Bool) -> Bool {
        while let frames = try? channel.receive(timeoutMilliseconds: 0) {
            waiting.append((frames, nil))
        }
        while decoded < waiting.count {
            waiting[decoded].message = try? codec.decode(waiting[decoded].frames)
            decoded += 1
        }
        return waiting.contains { $0.message.map(predicate) ?? false }
    }
}
