import Foundation
@testable import ReceptiveLanguage
import Synchronization
import Testing

/// Answers every pause with the next scripted command (then `.run`) and records what it saw.
private final class ScriptedPauses: PauseHandler, @unchecked Sendable {
    // Unchecked: the session calls `paused` on the test's own thread, one at a time.
    struct Pause {
        let reason: PauseReason
        let frames: [String]
        let locals: [String: String]
        let globals: [String: String]
    }

    var commands: [ResumeCommand]
    private(set) var pauses: [Pause] = []
    /// Runs at each pause, before answering.
    var onPause: (() -> Void)?

    init(_ commands: [ResumeCommand] = []) {
        self.commands = commands
    }

    func paused(_ cell: PausedCell, reason: PauseReason) -> ResumeCommand {
        func values(_ snapshot: VariableSnapshot) -> [String: String] {
            Dictionary(uniqueKeysWithValues: snapshot.listing.map { ($0.path.description, $0.preview) })
        }
        pauses.append(Pause(reason: reason, frames: cell.frames.map { "\($0.name):\($0.line)" },
                            locals: values(cell.frames[0].locals), globals: values(cell.globals)))
        onPause?()
        return commands.isEmpty ? .run : commands.removeFirst()
    }

    var stops: [String] { pauses.map { "\($0.reason) " + $0.frames.joined(separator: " < ") } }
}

/// Breakpoints, steps and pauses through the register machine's statement hook (CellDebugging).
struct CellDebuggingTests {
    let session = Session()

    /// Attaches `handler`, naming each cell by its own text.
    private func attach(_ handler: ScriptedPauses) {
        session.debugging.attach(handler) { $0 }
    }

    @discardableResult
    private func run(_ code: String) -> RunResult {
        session.run(code, output: RecordingOutput())
    }

    /// Runs `cell` with breakpoints on `lines`, answering its pauses with `commands`.
    private func pauses(running cell: String, breakpoints lines: Set<Int>, _ commands: [ResumeCommand] = []) -> ScriptedPauses {
        let pauses = ScriptedPauses(commands)
        attach(pauses)
        session.debugging.setBreakpoints(lines, source: cell)
        run(cell)
        return pauses
    }

    @Test func aBreakpointStopsBeforeItsLineWithTheStateSoFar() {
        let cell = "a = 1\nb = a + 1\n\nc = b * 10"
        let pauses = pauses(running: cell, breakpoints: [2])
        #expect(pauses.stops == ["breakpoint cell:2"])
        #expect(pauses.pauses[0].globals == ["a": "1"])
        #expect(session.variableSnapshot().listing.map(\.preview) == ["1", "2", "20"])
    }

    @Test func nextWalksTheCellLineByLine() {
        let cell = "a = 1\nb = 2\nc = 3\nd = 4"
        let pauses = pauses(running: cell, breakpoints: [1], [.stepOver, .stepOver])
        #expect(pauses.stops == ["breakpoint cell:1", "step cell:2", "step cell:3"])
    }

    @Test func stepIntoEntersTheFunctionAndStepOutLeavesIt() {
        let cell = """
            fn scale(v, k: 2) {
                w = v * k
                return w + 1
            }
            x = scale(5)
            y = x + 1
            """
        let pauses = pauses(running: cell, breakpoints: [5], [.stepInto, .stepOver, .stepOut])
        #expect(pauses.stops == ["breakpoint cell:5", "step scale:2 < cell:5", "step scale:3 < cell:5", "step cell:6"])
        #expect(pauses.pauses[1].locals == ["k": "2", "v": "5"])
        #expect(pauses.pauses[2].locals == ["k": "2", "v": "5", "w": "10"])
        #expect(pauses.pauses[3].globals["x"] == "11")
    }

    /// Stepping into at every stop visits every statement of the cell and its calls, each with
    /// the frames and locals the machine's statement hook sees (`Evaluator.pausedCell`).
    @Test func stepIntoVisitsEveryStatementWithItsFrames() {
        let cell = "fn add(a, b) {\n    s = a + b\n    return s\n}\nr = add(1, 2)"
        let pauses = pauses(running: cell, breakpoints: [1], Array(repeating: .stepInto, count: 4))
        #expect(pauses.stops == ["breakpoint cell:1", "step cell:5", "step add:2 < cell:5", "step add:3 < cell:5"])
        #expect(pauses.pauses.map(\.locals) == [[:], [:], ["a": "1", "b": "2"], ["a": "1", "b": "2", "s": "3"]])
        #expect(session.listing(of: "x = 1").contains("statement r"))
    }

    @Test func nextOverTheLastLineOfAFunctionReturnsToTheCaller() {
        let cell = "fn f(v) {\n    return v + 1\n}\nx = f(1)\ny = 2"
        let pauses = pauses(running: cell, breakpoints: [2], [.stepOver, .stepOver])
        #expect(pauses.stops == ["breakpoint f:2 < cell:4", "step cell:5"])
    }

    @Test func aBreakpointInAFunctionStopsWhenALaterCellCallsIt() {
        let pauses = ScriptedPauses()
        attach(pauses)
        let definition = "fn twice(v) {\n    return 2 * v\n}"
        run(definition)
        session.debugging.setBreakpoints([2], source: definition)
        run("z = twice(21)")
        #expect(pauses.stops == ["breakpoint twice:2 < cell:1"])
        #expect(pauses.pauses[0].locals == ["v": "21"])
    }

    @Test func aBreakpointInALoopStopsEveryTime() {
        let cell = "total = 0\nfor i in range(3) {\n    total += i\n}"
        let pauses = pauses(running: cell, breakpoints: [3])
        #expect(pauses.stops.count == 3)
        #expect(pauses.pauses.map { $0.globals["i"] } == ["0", "1", "2"])
    }

    @Test func abortEndsTheCellAsAnInterruptAndKeepsTheSession() {
        attach(ScriptedPauses([.abort]))
        let cell = "kept = 1\nlost = 2"
        session.debugging.setBreakpoints([2], source: cell)
        guard case .failure(let error) = run(cell) else {
            Issue.record("an aborted cell must fail")
            return
        }
        #expect(error.kind == .interrupted)
        #expect(session.variableSnapshot().listing.map(\.path.description) == ["kept"])
        guard case .success = run("kept + 1") else {
            Issue.record("the session must go on")
            return
        }
    }

    @Test func aPauseRequestStopsTheRunningCellAtItsNextStatement() {
        let pauses = ScriptedPauses()
        pauses.onPause = { [session] in session.debugging.requestPause() }
        attach(pauses)
        let cell = "a = 1\nb = 2\nc = 3"
        session.debugging.setBreakpoints([1], source: cell)
        run(cell)
        #expect(pauses.stops == ["breakpoint cell:1", "pause cell:2", "pause cell:3"])
        // A request made between cells is not kept for the next one.
        pauses.onPause = nil
        session.debugging.requestPause()
        run("d = 4")
        #expect(pauses.stops.count == 3)
    }

    @Test func detachedCellsCompileWithoutMarkersAndNeverStop() {
        let pauses = ScriptedPauses()
        attach(pauses)
        run("a = 1")
        #expect(session.evaluator.compileOptions.traceStatements)
        #expect(session.evaluator.statementHook != nil)
        session.debugging.detach()
        let cell = "b = 1\nc = 2"
        session.debugging.setBreakpoints([1, 2], source: cell)
        run(cell)
        #expect(pauses.stops.isEmpty)
        #expect(!session.evaluator.compileOptions.traceStatements)
        #expect(session.evaluator.statementHook == nil)
    }

    @Test func statementLinesAreWhereBreakpointsCanStop() {
        let code = """
            # a comment
            x = [1,
                 2]

            fn f(v) {
                if v > 0 {
                    return v
                } else {
                    return -v
                }
            }
            for i in range(2) { y = i }
            while false {
                z = 1
            }
            """
        let lines = StatementLines.lines(in: code)
        #expect(lines == [2, 5, 6, 7, 9, 12, 13, 14])
        #expect(StatementLines.placement(of: 1, among: lines ?? []) == 2)
        #expect(StatementLines.placement(of: 3, among: lines ?? []) == 5)
        #expect(StatementLines.placement(of: 15, among: lines ?? []) == nil)
        #expect(StatementLines.lines(in: "x = (") == nil)
    }
}
