import JupyterProtocol

/// The control channel's requests, served on their own thread so they are answered while a
/// cell runs: `kernel_info`, `interrupt`, `shutdown` (and `debug_request`, in `DebugService`).
final class ControlService {
    private let kernelInfoReply: JSONValue
    private let interrupter: Interrupter
    private let comms: CommTable

    init(kernelInfoReply: JSONValue, interrupter: Interrupter, comms: CommTable) {
        self.kernelInfoReply = kernelInfoReply
        self.interrupter = interrupter
        self.comms = comms
    }

    /// The handler of every control message type this kernel answers.
    var handlers: [MessageType: RequestHandler] {
        [
            .kernelInfoRequest: { [self] _ in .reply(kernelInfoReply) },
            .interruptRequest: { [self] _ in
                interrupter.interrupt()
                return .reply(["status": "ok"])
            },
            .shutdownRequest: { [comms] in Self.shutdown($0, closing: comms) },
        ]
    }

    /// `shutdown_request` (on control or, deprecated, shell): close the session's comms (they
    /// end with it, restart or not), reply, then stop the kernel.
    static func shutdown(_ request: Request, closing comms: CommTable) -> Response {
        comms.closeAll(answering: request)
        let restart = request.bool("restart", false)
        return Response(content: ["status": "ok", "restart": .bool(restart)], followup: .shutdown(restart: restart))
    }
}
