import JupyterProtocol

/// What an interpreter sees of the kernel while one cell runs: iopub output with the execute
/// request as parent, and input from the client that sent it.
final class CellContext: ExecutionContext {
    private let request: Request
    private let silent: Bool
    private let allowStdin: Bool
    private let stdin: StdinLink
    private let interrupter: Interrupter

    init(request: Request, silent: Bool, allowStdin: Bool, stdin: StdinLink, interrupter: Interrupter) {
        self.request = request
        self.silent = silent
        self.allowStdin = allowStdin
        self.stdin = stdin
        self.interrupter = interrupter
    }

    func stream(_ name: StreamName, _ text: String) {
        guard !silent, !text.isEmpty else { return }
        request.publish(.stream, ["name": .string(name.rawValue), "text": .string(text)])
    }

    func display(_ data: MimeBundle, displayID: String?, update: Bool) {
        guard !silent else { return }
        let transient: JSONValue = displayID.map { ["display_id": .string($0)] } ?? [:]
        let type: MessageType = update && displayID != nil ? .updateDisplayData : .displayData
        request.publish(type, ["data": .strings(data), "metadata": [:], "transient": transient])
    }

    func clearOutput(wait: Bool) {
        guard !silent else { return }
        request.publish(.clearOutput, ["wait": .bool(wait)])
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        guard allowStdin else { throw KernelError.stdinNotAllowed }
        return try stdin.readLine(prompt: prompt, password: password, parent: request.message, interrupter: interrupter)
    }
}
