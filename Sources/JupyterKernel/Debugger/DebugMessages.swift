import JupyterProtocol
import Synchronization

/// The kernel's side of the Debug Adapter Protocol's envelope: numbers every response and
/// event it sends (one `seq` sequence, as the protocol asks), builds responses, and publishes
/// events as `debug_event` on iopub.
///
/// Events may come from the shell thread (a cell stopping at a breakpoint) while the control
/// thread replies, so the sequence and the parent are atomics under a lock; `IOPub` itself is
/// immutable and its socket serialises sends.
final class DebugMessages: @unchecked Sendable {
    // Unchecked for `iopub`: its stored properties are immutable and the `FramePublisher`
    // behind it (`IOPubSocket`) sends under its own lock.
    private let iopub: IOPub
    private let sequence = Atomic<Int>(0)
    /// The request events are published in answer to: the latest `debug_request`, as
    /// ipykernel parents its events to the control channel's current request.
    private let parent = Mutex<MessageHeader?>(nil)

    init(iopub: IOPub) {
        self.iopub = iopub
    }

    /// Remembers `header` as the parent of the events that follow.
    func answering(_ header: MessageHeader) {
        parent.withLock { $0 = header }
    }

    /// A successful response to `request` with `body`.
    func response(to request: DebugRequest, body: JSONValue) -> JSONValue {
        [
            "seq": .int(nextSeq()), "type": "response", "request_seq": .int(request.seq), "success": true,
            "command": .string(request.command), "body": body,
        ]
    }

    /// An error response: `success` false and the reason in `message`.
    func failure(requestSeq: Int, command: String, message: String) -> JSONValue {
        [
            "seq": .int(nextSeq()), "type": "response", "request_seq": .int(requestSeq), "success": false,
            "command": .string(command), "message": .string(message), "body": [:],
        ]
    }

    /// Publishes the DAP event `event` with `body` as a `debug_event`.
    func publish(event: String, body: JSONValue) {
        let content: JSONValue = ["seq": .int(nextSeq()), "type": "event", "event": .string(event), "body": body]
        iopub.publish(.debugEvent, content, parent: parent.withLock { $0 })
    }

    private func nextSeq() -> Int { sequence.add(1, ordering: .relaxed).newValue }
}
