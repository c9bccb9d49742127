import Foundation
import JupyterProtocol
import Logging

/// The shell channel's requests: everything cross-cutting around an `Interpreter` (execution
/// count, `execute_input`, results, errors, stop-on-error, history), as xeus's kernel core.
/// Lives on the shell thread.
final class ShellService {
    let interpreter: Interpreter
    let kernelInfoReply: JSONValue
    let interrupter: Interrupter
    let stdin: StdinLink
    let logger: Logger
    var executionCount = 0
    var history: any HistoryStoring

    init(interpreter: Interpreter, interrupter: Interrupter, stdin: StdinLink, logger: Logger,
         history: any HistoryStoring = HistoryStore()) {
        self.interpreter = interpreter
        self.history = history
        self.kernelInfoReply = interpreter.kernelInfoReply
        self.interrupter = interrupter
        self.stdin = stdin
        self.logger = logger
    }

    /// The handler of every shell message type this kernel answers.
    var handlers: [MessageType: RequestHandler] {
        [
            .kernelInfoRequest: { [self] _ in .reply(kernelInfoReply) },
            .executeRequest: { [self] in execute($0) },
            .completeRequest: { [self] in complete($0) },
            .inspectRequest: { [self] in inspect($0) },
            .isCompleteRequest: { [self] in isComplete($0) },
            .historyRequest: { [self] in historyReply($0) },
            .commInfoRequest: { _ in .reply(["status": "ok", "comms": [:]]) },
            .commOpen: { Self.refuseComm($0) },
            .commMessage: { _ in .noReply },
            .commClose: { _ in .noReply },
            .shutdownRequest: { ControlService.shutdown($0) },
        ]
    }

    /// This kernel has no comm targets, so a `comm_open` is answered by closing the comm.
    private static func refuseComm(_ request: Request) -> Response {
        request.publish(.commClose, ["comm_id": request.content["comm_id"] ?? "", "data": [:]])
        return .noReply
    }
}
