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
    /// The session's open comms (shared with the control service, which closes them on shutdown).
    let comms: CommTable
    /// The shell channel, read ahead so comm handlers can see what is queued; nil in tests that
    /// do not serve a channel.
    let queue: LookaheadChannel?

    init(interpreter: Interpreter, interrupter: Interrupter, stdin: StdinLink, logger: Logger,
         history: any HistoryStoring = HistoryStore(), comms: CommTable = CommTable(), queue: LookaheadChannel? = nil) {
        self.interpreter = interpreter
        self.comms = comms
        self.queue = queue
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
            .commInfoRequest: { [self] in commInfo($0) },
            .commOpen: { [self] in commOpen($0) },
            .commMessage: { [self] in commMsg($0) },
            .commClose: { [self] in commClose($0) },
            .shutdownRequest: { [comms] in ControlService.shutdown($0, closing: comms) },
        ]
    }
}
