import Dispatch
import Foundation
import JupyterKernel
import JupyterProtocol
import ReceptiveKernel
import Testing

/// A cell context that shows no widgets: these tests open no comms.
private protocol CommlessContext: ExecutionContext {}

extension CommlessContext {
    func display(json data: [String: JSONValue], displayID: String?, update: Bool) {}
    func openComm(_ comm: CommMessage) {}
    func sendComm(_ message: CommMessage) {}
    func closeComm(id: String, data: JSONValue) {}
    func isCommMessageQueued(for ids: Set<String>) -> Bool { false }
}

/// A cell context whose `input()` blocks until the test lets it go, to hold a cell mid-run.
private final class BlockingContext: CommlessContext, @unchecked Sendable {
    let asked = DispatchSemaphore(value: 0)
    let answer = DispatchSemaphore(value: 0)

    func stream(_ name: StreamName, _ text: String) {}
    func display(_ data: MimeBundle, displayID: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func readInput(prompt: String, password: Bool) throws -> String {
        asked.signal()
        answer.wait()
        return "typed"
    }
}

private final class SilentContext: CommlessContext {
    func stream(_ name: StreamName, _ text: String) {}
    func display(_ data: MimeBundle, displayID: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func readInput(prompt: String, password: Bool) throws -> String { "" }
}

private func run(_ interpreter: ReceptiveInterpreter, _ code: String) {
    _ = interpreter.execute(ExecutionRequest(code: code, executionCount: 1), context: SilentContext())
}

@Test func theDebuggerListsTheSessionsVariablesAndOpensThem() throws {
    let interpreter = ReceptiveInterpreter()
    let debugger = try #require(interpreter.debugger)
    run(interpreter, "t = [[0, 1], [2, 3]]\nk = 3")
    let variables = debugger.variables()
    #expect(variables.map(\.name) == ["k", "t"])
    #expect(variables[0] == DebugVariable(name: "k", value: "3", type: "float", evaluateName: "k"))
    #expect(variables[1].childrenKey == "t" && variables[1].indexedChildren == 2 && variables[1].namedChildren == nil)
    let rows = try debugger.children(of: "t", start: 1, count: 1)
    #expect(rows == [DebugVariable(name: "t[1]", value: "[2, 3]", type: "tensor 2", evaluateName: "t[1]",
                                   childrenKey: "t[1]", indexedChildren: 2)])
}

@Test func renderingATensorGivesItsHeatmapAsTextAndHTML() throws {
    let interpreter = ReceptiveInterpreter()
    let debugger = try #require(interpreter.debugger)
    run(interpreter, "t = [[0, 1], [2, 3]]")
    let bundle = try debugger.richInspect("t", frameID: nil)
    #expect(bundle["text/plain"]?.contains("█") == true)
    #expect(bundle["text/html"]?.contains("<pre") == true)
}

@Test func debuggerErrorsSayWhatWasWrong() throws {
    let interpreter = ReceptiveInterpreter()
    let debugger = try #require(interpreter.debugger)
    run(interpreter, "value = 1")
    func failure(_ body: () throws(KernelError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.description
        }
    }
    #expect(failure { () throws(KernelError) in _ = try debugger.richInspect("valu", frameID: nil) }
            == "richInspectVariables: NameError: no variable 'valu' in the session; did you mean 'value'?")
    #expect(failure { () throws(KernelError) in _ = try debugger.richInspect("value + 1", frameID: nil) }
            == "richInspectVariables: 'value + 1' is not a variable name or a path like x.field[0]")
    #expect(failure { () throws(KernelError) in _ = try debugger.children(of: "value", start: 0, count: nil) }
            == "variables: TypeError: value is a number, which holds no values to list")
}

/// While a cell holds the session (here, waiting for input), the debugger answers at once
/// from what it saw last, and sees the cell's work once the cell ends.
@Test func theDebuggerNeverWaitsForARunningCell() throws {
    let interpreter = ReceptiveInterpreter()
    let debugger = try #require(interpreter.debugger)
    run(interpreter, "before = 1")
    #expect(debugger.variables().map(\.name) == ["before"])
    let context = BlockingContext()
    let finished = DispatchSemaphore(value: 0)
    nonisolated(unsafe) let running = interpreter
    Thread.detachNewThread {
        _ = running.execute(ExecutionRequest(code: "during = 2\nanswer = input(\"?\")", allowStdin: true, executionCount: 2),
                            context: context)
        finished.signal()
    }
    #expect(context.asked.wait(timeout: .now() + 30) == .success)
    let started = ContinuousClock.now
    #expect(debugger.variables().map(\.name) == ["before"])
    #expect(ContinuousClock.now - started < .seconds(1))
    context.answer.signal()
    #expect(finished.wait(timeout: .now() + 30) == .success)
    #expect(debugger.variables().map(\.name) == ["answer", "before", "during"])
}
