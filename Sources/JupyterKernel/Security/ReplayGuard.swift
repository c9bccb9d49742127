import Foundation
import JupyterProtocol
import Synchronization

/// Remembers the signatures of the last `capacity` accepted messages so that a message sent
/// again byte for byte (a replay) is recognised and dropped, as ipykernel's `digest_history`
/// does. Shared by the shell and control threads; memory is bounded by `capacity`.
final class ReplayGuard: Sendable {
    private struct State {
        var seen: Set<Data> = []
        var order: [Data] = []
        var oldest = 0
    }

    /// ipykernel's `digest_history_size`.
    static let defaultCapacity = 1 << 16

    private let capacity: Int
    private let state = Mutex(State())

    /// A guard remembering at most `capacity` signatures (at least one).
    init(capacity: Int = ReplayGuard.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Records `signature` and returns true the first time; false when it was seen before.
    /// An empty signature (an unsigned session) is never a replay.
    func admit(_ signature: Data) -> Bool {
        guard !signature.isEmpty else { return true }
        return state.withLock { state in
            guard state.seen.insert(signature).inserted else { return false }
            if state.order.count < capacity {
                state.order.append(signature)
            } else {
                // Forget the oldest signature so the set never grows past `capacity`.
                state.seen.remove(state.order[state.oldest])
                state.order[state.oldest] = signature
                state.oldest = (state.oldest + 1) % capacity
            }
            return true
        }
    }

    /// The signature frame of a wire message (the frame after `<IDS|MSG>`), empty if none.
    static func signature(of frames: [Data]) -> Data {
        guard let delimiter = frames.firstIndex(of: WireCodec.delimiter), delimiter + 1 < frames.count else {
            return Data()
        }
        return frames[delimiter + 1]
    }
}
