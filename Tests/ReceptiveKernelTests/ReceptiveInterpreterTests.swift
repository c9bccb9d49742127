import Foundation
import JupyterKernel
import JupyterProtocol
import ReceptiveKernel
import Testing

/// Records what a cell publishes, and answers input requests with a fixed line.
private final class RecordingContext: ExecutionContext {
    var streams: [(StreamName, String)] = []
    var displays: [(MimeBundle, String?, Bool)] = []
    var inputPrompts: [String] = []

    func stream(_ name: StreamName, _ text: String) { streams.append((name, text)) }
    func display(_ data: MimeBundle, displayID: String?, update: Bool) { displays.append((data, displayID, update)) }
    func clearOutput(wait: Bool) {}
    func readInput(prompt: String, password: Bool) throws -> String {
        inputPrompts.append(prompt)
        return "42"
    }
    func display(json data: [String: JSONValue], displayID: String?, update: Bool) {}
    func openComm(_ comm: CommMessage) {}
    func sendComm(_ message: CommMessage) {}
    func closeComm(id: String, data: JSONValue) {}
    func isCommMessageQueued(for ids: Set<String>) -> Bool { false }
}

private func run(_ interpreter: ReceptiveInterpreter, _ code: String, _ context: RecordingContext = RecordingContext())
    -> ExecutionOutcome
{
    interpreter.execute(ExecutionRequest(code: code, executionCount: 1), context: context)
}

@Test func cellResultIsThePlainTextOfTheLastExpression() {
    let interpreter = ReceptiveInterpreter()
    #expect(run(interpreter, "x = 1 + 2") == .success(result: nil, payloads: []))
    guard case .success(let result, _) = run(interpreter, "x * 2") else {
        Issue.record("expected success")
        return
    }
    #expect(result?["text/plain"] == "6")
}

@Test func printGoesToStdout() {
    let context = RecordingContext()
    _ = run(ReceptiveInterpreter(), "print(\"hi\")", context)
    #expect(context.streams.map(\.0) == [.stdout])
    #expect(context.streams.map(\.1).joined() == "hi\n")
}

@Test func errorsCarryKindMessageAndCaretTraceback() {
    guard case .failure(let ename, let evalue, let traceback) = run(ReceptiveInterpreter(), "1 + nope") else {
        Issue.record("expected failure")
        return
    }
    #expect(ename == "NameError")
    #expect(evalue.contains("nope"))
    #expect(traceback.contains { $0.contains("^") })
}

@Test func helpIsPagedNotPrinted() {
    guard case .success(_, let payloads) = run(ReceptiveInterpreter(), "help(zeros)") else {
        Issue.record("expected success")
        return
    }
    guard payloads.count == 1, case .page(let data, _) = payloads[0] else {
        Issue.record("expected one page, found \(payloads)")
        return
    }
    #expect(data["text/plain"]?.contains("zeros") == true)
}

@Test func completenessAndCompletionAndInspection() {
    let interpreter = ReceptiveInterpreter()
    #expect(interpreter.isComplete(code: "fn f(a) {") != .complete)
    #expect(interpreter.isComplete(code: "1 + 1") == .complete)
    let completion = interpreter.complete(code: "zer", cursorPosition: 3)
    #expect(completion.matches.contains("zeros"))
    #expect(completion.cursorStart == 0 && completion.cursorEnd == 3)
    #expect(interpreter.inspect(code: "zeros", cursorPosition: 2, detailLevel: 0)?["text/plain"] != nil)
}

@Test func exitAndQuitAskJupyterConsoleToExit() {
    let interpreter = ReceptiveInterpreter()
    for code in ["exit", " quit\n", "exit()", "quit()"] {
        #expect(run(interpreter, code) == .success(result: nil, payloads: [.askExit(keepKernel: false)]))
    }
}
