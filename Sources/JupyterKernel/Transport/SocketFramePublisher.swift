import Foundation
import Logging
import ZeroMQ

/// A `FramePublisher` that pushes messages over inproc to the iopub thread. Each publishing
/// thread owns one, because a libzmq socket must stay on one thread (the xeus design).
final class SocketFramePublisher: FramePublisher {
    private let socket: Socket
    private let logger: Logger

    init(context: Context, endpoint: String, logger: Logger) throws(ZeroMQError) {
        socket = try Socket(context: context, type: .push)
        try socket.connect(endpoint)
        self.logger = logger
    }

    func publish(_ frames: [Data]) {
        do {
            try socket.send(frames)
        } catch {
            logger.error("iopub message lost: \(error)")
        }
    }
}
