import JupyterProtocol

/// The control channel's requests, served on their own thread so they are answered while a
/// cell runs: `kernel_info`, `interrupt`, `shutdown` (and `debug_request`, in `DebugService`).
final class ControlService {
    private let kernelInfoReply: JSONValue
    private let interrupter: Interrupter

    init(kernelInfoReply: JSONValue, interrupter: Interrupter) {
        self.kernelInfoReply = kernelInfoReply
        self.interrupter = interrupter
    }

    /// The handler of every control message type this kernel answers.
    var handlers: [MessageType: RequestHandler] {
        [
            .kernelInfoRequest: { [self] _ in .reply(kernelInfoReply) },
            .interruptRequest: { [self] _ in
                interrupter.interrupt()
                return .reply(["status": "ok"])
            },
            .shutdownRequest: { Self.shutdown($0) },
        ]
    }

    /// `shutdown_request` (on control or, deprecated, shell): reply, then stop the kernel.
    static func shutdown(_ request: Request) -> Response {
        let restart = request.bool("restart", false)
        return Response(content: ["status": "ok", "restart": .bool(restart)], followup: .shutdown(restart: restart))
    }
}
