import Foundation
import JupyterKernel
import JupyterProtocol
import Synchronization

/// A test double whose cells are commands: `fail`, `print TEXT`, `input PROMPT`, `display ID`,
/// `update ID`, `clear`, `page`; any other code is its own `text/plain` result, and a code
/// ending in ';' has none; `spin` runs until interrupted.
///
/// It serves the comm target "echo": a `comm_open` is accepted (and answered with a
/// `comm_msg {opened: true}`) unless its data says `refuse`; a `comm_msg` is echoed back with its
/// buffers and whether another message for the comm is queued, or with `{"open": ID}` opens a
/// kernel-side comm, `{"close": true}` closes its own. `open ID` in a cell opens one too.
final class ScriptedInterpreter: Interpreter {
    var executed: [String] = []
    /// The debugger the kernel serves `debug_request` with; none unless a test gives one.
    var debugger: (any Debugger)?
    /// Every comm message handed to the interpreter, as "open ID", "msg ID", "close ID".
    var commEvents: [String] = []
    private let interruptCount = Atomic<Int>(0)

    /// How many times `interrupt()` was called, from any thread.
    var interrupts: Int { interruptCount.load(ordering: .acquiring) }

    let kernelInfo = KernelInfo(
        implementation: "scripted", implementationVersion: "0.0.1", languageName: "script", languageVersion: "1",
        mimetype: "text/x-script", fileExtension: ".script", pygmentsLexer: "text", codemirrorMode: "null",
        banner: "Scripted", helpLinks: [(text: "Docs", url: "https://example.org")])

    func execute(_ request: ExecutionRequest, context: ExecutionContext) -> ExecutionOutcome {
        executed.append(request.code)
        let (command, argument) = split(request.code)
        switch command {
        case "spin":
            while interrupts == 0 { usleep(1000) }
            return .failure(ename: "Interrupted", evalue: "interrupted", traceback: [])
        case "fail":
            return .failure(ename: "ValueError", evalue: "failed", traceback: ["ValueError: failed"])
        case "print":
            context.stream(.stdout, argument + "\n")
        case "input":
            do {
                return .success(result: ["text/plain": try context.readInput(prompt: argument, password: false)], payloads: [])
            } catch {
                return .failure(ename: "InputError", evalue: "\(error)", traceback: [])
            }
        case "display", "update":
            context.display(["text/plain": command], displayID: argument, update: command == "update")
        case "clear":
            context.clearOutput(wait: true)
        case "open":
            context.openComm(CommMessage(commID: argument, targetName: "echo", data: ["from": "cell"],
                                         metadata: ["version": "1"], buffers: [Data([1, 2, 3])]))
        case "page":
            return .success(result: nil, payloads: [.page(["text/plain": "the page"])])
        default:
            return .success(result: request.code.hasSuffix(";") ? nil : ["text/plain": request.code], payloads: [])
        }
        return .success(result: nil, payloads: [])
    }

    func evaluateUserExpression(_ expression: String) -> UserExpressionResult {
        expression == "fail" ? .failure(ename: "ValueError", evalue: "bad", traceback: []) : .value(["text/plain": expression])
    }

    func complete(code: String, cursorPosition: Int) -> CompletionResult {
        CompletionResult(matches: ["alpha", "also"], cursorStart: max(cursorPosition - 1, 0), cursorEnd: cursorPosition)
    }

    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> MimeBundle? {
        code.isEmpty ? nil : ["text/plain": "doc of \(code) at \(cursorPosition)"]
    }

    func isComplete(code: String) -> CompletenessResult {
        code.hasSuffix("{") ? .incomplete(indent: "    ") : code.hasSuffix("}") ? .invalid : .complete
    }

    func interrupt() {
        interruptCount.add(1, ordering: .releasing)
    }

    let commTargets: Set<String> = ["echo"]

    func commOpened(_ comm: CommMessage, context: ExecutionContext) -> Bool {
        commEvents.append("open \(comm.commID)")
        guard comm.data["refuse"] != true else { return false }
        context.sendComm(CommMessage(commID: comm.commID, targetName: comm.targetName, data: ["opened": true]))
        return true
    }

    func commMessage(_ message: CommMessage, context: ExecutionContext) {
        commEvents.append("msg \(message.commID)")
        if let id = message.data["open"]?.stringValue {
            context.openComm(CommMessage(commID: id, targetName: "echo"))
        } else if message.data["close"] == true {
            context.closeComm(id: message.commID, data: ["bye": true])
        } else {
            let queued = context.isCommMessageQueued(for: [message.commID])
            context.stream(.stdout, "echo\n")
            context.sendComm(CommMessage(commID: message.commID, targetName: message.targetName,
                                         data: ["echo": message.data, "queued": .bool(queued)],
                                         buffers: message.buffers))
        }
    }

    func commClosed(_ message: CommMessage, context: ExecutionContext) {
        commEvents.append("close \(message.commID)")
    }

    private func split(_ code: String) -> (String, String) {
        let parts = code.split(separator: " ", maxSplits: 1)
        return (parts.first.map(String.init) ?? "", parts.count > 1 ? String(parts[1]) : "")
    }
}
