import Foundation
import ZeroMQ

/// A `RequestChannel` over a ZeroMQ socket (a ROUTER for shell, control and stdin).
final class SocketRequestChannel: RequestChannel {
    private let socket: Socket

    init(socket: Socket) {
        self.socket = socket
    }

    func receive(timeoutMilliseconds: Int) throws -> [Data]? {
        try socket.receive(timeoutMilliseconds: timeoutMilliseconds)
    }

    func send(_ frames: [Data]) throws {
        try socket.send(frames)
    }
}
