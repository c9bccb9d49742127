import Foundation
@testable import JupyterKernel

/// An in-memory request channel: a queue of incoming messages and a record of what was sent.
final class MemoryChannel: RequestChannel {
    var incoming: [[Data]] = []
    /// Messages still in flight: delivered only to a receive that is willing to wait.
    var inFlight: [[Data]] = []
    var sent: [[Data]] = []
    /// Called with each sent message; lets a test answer it (an input_reply, for instance).
    var onSend: (([Data]) -> Void)?

    func receive(timeoutMilliseconds: Int) throws -> [Data]? {
        if !incoming.isEmpty { return incoming.removeFirst() }
        return timeoutMilliseconds > 0 && !inFlight.isEmpty ? inFlight.removeFirst() : nil
    }

    func send(_ frames: [Data]) throws {
        sent.append(frames)
        onSend?(frames)
    }
}

/// An in-memory iopub: records every message in order.
final class MemoryPublisher: FramePublisher {
    var published: [[Data]] = []

    func publish(_ frames: [Data]) {
        published.append(frames)
    }
}
