import Foundation
import JupyterProtocol
import Logging

/// What an interpreter sees of the kernel while it serves one shell request (a cell, or a
/// comm message): iopub output with that request as parent, input from the client that sent
/// it, and the session's comms.
final class CellContext: ExecutionContext {
    private let request: Request
    private let silent: Bool
    private let allowStdin: Bool
    private let stdin: StdinLink
    private let interrupter: Interrupter
    private let comms: CommTable
    private let queue: LookaheadChannel?
    private let logger: Logger

    init(request: Request, silent: Bool, allowStdin: Bool, stdin: StdinLink, interrupter: Interrupter,
         comms: CommTable, queue: LookaheadChannel?, logger: Logger) {
        self.request = request
        self.silent = silent
        self.allowStdin = allowStdin
        self.stdin = stdin
        self.interrupter = interrupter
        self.comms = comms
        self.queue = queue
        self.logger = logger
    }

    func stream(_ name: StreamName, _ text: String) {
        guard !silent, !text.isEmpty else { return }
        request.publish(.stream, ["name": .string(name.rawValue), "text": .string(text)])
    }

    func display(_ data: MimeBundle, displayID: String?, update: Bool) {
        display(json: data.mapValues { .string($0) }, displayID: displayID, update: update)
    }

    func display(json data: [String: JSONValue], displayID: String?, update: Bool) {
        guard !silent else { return }
        let transient: JSONValue = displayID.map { ["display_id": .string($0)] } ?? [:]
        let type: MessageType = update && displayID != nil ? .updateDisplayData : .displayData
        request.publish(type, ["data": .object(data), "metadata": [:], "transient": transient])
    }

    func clearOutput(wait: Bool) {
        guard !silent else { return }
        request.publish(.clearOutput, ["wait": .bool(wait)])
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        guard allowStdin else { throw KernelError.stdinNotAllowed }
        return try stdin.readLine(prompt: prompt, password: password, parent: request.message, interrupter: interrupter)
    }

    func openComm(_ comm: CommMessage) {
        comms.open(comm.commID, target: comm.targetName)
        request.publish(.commOpen, ["comm_id": .string(comm.commID), "target_name": .string(comm.targetName),
                                    "data": comm.data], metadata: comm.metadata, buffers: comm.buffers)
    }

    func sendComm(_ message: CommMessage) {
        guard comms.target(of: message.commID) != nil else {
            logger.warning("not sending comm_msg on comm \(message.commID): it is not open")
            return
        }
        request.publish(.commMessage, ["comm_id": .string(message.commID), "data": message.data],
                        metadata: message.metadata, buffers: message.buffers)
    }

    func closeComm(id: String, data: JSONValue) {
        guard comms.close(id) != nil else { return }
        request.publish(.commClose, ["comm_id": .string(id), "data": data])
    }

    func isCommMessageQueued(for ids: Set<String>) -> Bool {
        queue?.containsQueued { $0.type == .commMessage && ids.contains($0.content["comm_id"]?.stringValue ?? "") } ?? false
    }
}
