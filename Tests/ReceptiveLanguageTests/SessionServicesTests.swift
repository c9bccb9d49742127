import Foundation
@testable import ReceptiveLanguage
import Synchronization
import Testing
import TextPlots

/// The Session API the kernel bridge uses: results, errors, completeness, completion,
/// inspection, expressions and interruption.
struct SessionServicesTests {
    private func text(_ result: RunResult) -> String? {
        if case .success(let figure) = result { return figure?.text }
        return nil
    }

    @Test func resultIsTheLastUnsilencedExpression() {
        let session = Session()
        let output = RecordingOutput()
        #expect(text(session.run("x = 2\nx * 3", output: output)) == "6")
        #expect(text(session.run("x * 3;", output: output)) == nil)
        #expect(text(session.run("print(x)", output: output)) == nil)
        #expect(output.lines == ["2"])
    }

    @Test func tensorResultsCarryHTML() {
        guard case .success(let figure?) = Session().run("[1, 2]", output: RecordingOutput()) else {
            Issue.record("expected a rendered tensor")
            return
        }
        #expect(figure.text == "tensor 2\n[1. 2.]")
        #expect(figure.html != nil)
    }

    @Test func errorsCarryKindMessageAndCaretTraceback() throws {
        let result = Session().run("a = 1\nb = a + c", output: RecordingOutput())
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .name)
        #expect(error.message == "name 'c' is not defined; did you mean 'a'?")
        #expect(error.traceback == ["NameError: name 'c' is not defined; did you mean 'a'?", "2 | b = a + c", "  |         ^"])
    }

    @Test func anErrorInsideAFunctionShowsTheLineOfTheCellThatDefinedIt() {
        let session = Session()
        _ = session.run("a = 1\nfn f(x) = x + missing", output: RecordingOutput())
        guard case .failure(let error) = session.run("f(1)", output: RecordingOutput()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.traceback == ["NameError: name 'missing' is not defined", "2 | fn f(x) = x + missing", "  |               ^^^^^^^"])
    }

    @Test func everySyntaxErrorOfACellIsReported() {
        guard case .failure(let error) = Session().run("a = 1 +\nb = 2\nc = )\nd = 4 4", output: RecordingOutput()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .syntax)
        #expect(error.headlines.count == 3)
        #expect(error.message == "expected an expression, found end of line (and 2 more)")
    }

    @Test(arguments: [
        ("x = 1", Completeness.complete),
        ("", .complete),
        ("# only a comment", .complete),
        // Open brackets, blocks and strings: more lines can make them valid.
        ("fn f(a) {", .incomplete(indent: "    ")),
        ("fn f(a) {\n    if a {", .incomplete(indent: "        ")),
        ("y = [1, 2,", .incomplete(indent: "    ")),
        ("y = (1 +", .incomplete(indent: "    ")),
        ("[x * 2 for x in", .incomplete(indent: "    ")),
        ("s = \"abc", .incomplete(indent: "")),
        ("f(\"abc", .incomplete(indent: "    ")),
        ("while i < 3 {\n    i += 1", .incomplete(indent: "    ")),
        // Nothing added on later lines mends these.
        ("z = 1)", .invalid),
        ("]", .invalid),
        ("y = 1 +", .invalid),
        ("y = 1 + * 2", .invalid),
        ("f(1 + * 2,", .invalid),
        ("x = else", .invalid),
        ("if x { } else", .invalid),
        ("fn f(a) {\n    y = a +", .invalid),
        ("break", .invalid),
        ("1 + + \"abc", .invalid),
    ])
    func completeness(_ code: String, _ expected: Completeness) {
        #expect(Session().completeness(of: code) == expected)
    }

    @Test func completesBuiltinsVariablesAndKeywords() {
        let session = Session()
        _ = session.run("prime = 7", output: RecordingOutput())
        let code = "x = pr"
        let completion = session.completions(in: code, cursorPosition: 6)
        #expect(completion.start == 4 && completion.end == 6)
        #expect(completion.matches.contains("prime"))
        #expect(completion.matches.contains("print"))
        #expect(!completion.matches.contains("help"))
    }

    @Test func completesNamesTheCellBindsBeforeItRuns() {
        let session = Session()
        _ = session.run("total_live = 1", output: RecordingOutput())
        let code = "total_cell = 2\nfn tally(total_param) {\n    for total_loop in range(3) { }\n    tot"
        let completion = session.completions(in: code, cursorPosition: code.unicodeScalars.count)
        // Live variables first, then the cell's names in the order they are bound.
        #expect(completion.matches == ["total_live", "total_cell", "total_param", "total_loop"])
    }

    @Test func cellNamesAreOfferedOnlyWhereTheyAreVisible() {
        let session = Session()
        let code = "fn f(inner_param) = inner_param\n[inner_item for inner_item in range(3)]\na, inner_b = (1, 2)\ninn"
        let completion = session.completions(in: code, cursorPosition: code.unicodeScalars.count)
        #expect(completion.matches == ["inner_b"])
        let inside = "xs = [pair_item * 2 for pair_item in range(3) if pai"
        #expect(session.completions(in: inside, cursorPosition: inside.unicodeScalars.count).matches == ["pair_item"])
        let later = "fn g() {\n    x = later_name\n}\nlater_name = 1"
        #expect(session.completions(in: later, cursorPosition: 24).matches.isEmpty)
    }

    @Test func completesFieldsAfterADot() {
        let session = Session()
        _ = session.run("t = [[1, 2]]", output: RecordingOutput())
        let completion = session.completions(in: "t.s", cursorPosition: 3)
        #expect(completion.matches == ["shape", "size"])
        #expect(completion.start == 2)
    }

    @Test func completesNamedArgumentsInsideACall() {
        let session = Session()
        _ = session.run("fn area(width, height: 2) = width * height", output: RecordingOutput())
        let completion = session.completions(in: "area(3, he", cursorPosition: 10)
        #expect(completion.matches.first == "height:")
    }

    @Test func cursorOffsetsCountCodePoints() {
        let session = Session()
        _ = session.run("émile = 1", output: RecordingOutput())
        let code = "\"→\"; ém"
        let completion = session.completions(in: code, cursorPosition: code.unicodeScalars.count)
        #expect(completion.matches == ["émile"])
        #expect(completion.start == 5)
    }

    @Test func inspectsBuiltinsAndValues() throws {
        let session = Session()
        _ = session.run("t = [1, 2, 3]", output: RecordingOutput())
        let builtin = try #require(session.inspection(in: "len(t)", cursorPosition: 1))
        #expect(builtin.text.hasPrefix("len(value)\n"))
        let value = try #require(session.inspection(in: "len(t)", cursorPosition: 5))
        #expect(value.text == "t: a tensor 3\n\ntensor 3\n[1. 2. 3.]")
        #expect(session.inspection(in: "nothing", cursorPosition: 3) == nil)
    }

    @Test func completesAndInspectsTheLoopAndListLanguage() throws {
        let session = Session()
        _ = session.run("steps = range(2, 10, step: 3)\nhalve = fn(x) = x // 2", output: RecordingOutput())
        #expect(session.completions(in: "whi", cursorPosition: 3).matches == ["while"])
        #expect(session.completions(in: "enum", cursorPosition: 4).matches == ["enumerate"])
        #expect(session.completions(in: "for i in rang", cursorPosition: 13).matches == ["range"])
        #expect(session.completions(in: "sort(xs, re", cursorPosition: 11).matches.first == "reverse:")
        let range = try #require(session.inspection(in: "steps", cursorPosition: 2))
        #expect(range.text == "steps: a range\n\nrange(2, 10, step: 3)")
        let function = try #require(session.inspection(in: "halve(4)", cursorPosition: 2))
        #expect(function.text.hasPrefix("fn(x)"))
        let builtin = try #require(session.inspection(in: "zip(a, b)", cursorPosition: 1))
        #expect(builtin.text.hasPrefix("zip(sequences...)\n"))
    }

    @Test func evaluatesExpressionsWithoutOutput() {
        let session = Session()
        _ = session.run("n = 4", output: RecordingOutput())
        #expect(text(session.evaluateExpression("n * n")) == "16")
        guard case .failure(let error) = session.evaluateExpression("n = 5") else {
            Issue.record("an assignment is not an expression")
            return
        }
        #expect(error.kind == .syntax)
    }

    @Test func helpGoesToThePager() {
        let output = RecordingOutput()
        _ = Session().run("help()", output: output)
        #expect(output.lines.first == "Builtins (help(name) shows one in detail):")
        #expect(output.lines.contains { $0.hasPrefix("print ") })
    }

    @Test func inputReadsFromTheOutput() {
        let output = RecordingOutput()
        output.pendingInput = ["Ada"]
        #expect(text(Session().run("\"Hi \" + input(\"name? \")", output: output)) == "\"Hi Ada\"")
    }

    @Test func clearReachesTheOutput() {
        let output = RecordingOutput()
        _ = Session().run("clear()", output: output)
        #expect(output.clears == 1)
    }

    @Test func deepExpressionNestingIsALimitErrorNotACrash() {
        let code = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        guard case .failure(let error) = Session().run(code, output: RecordingOutput()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .limit)
    }

    @Test func recursionThroughLongExpressionsIsALimitErrorNotACrash() {
        // Every call nests 5,000 operators deep before it recurses. Compiled code evaluates
        // them without recursing, so the call depth limit is what stops it.
        let chain = Array(repeating: "n", count: 5000).joined(separator: " + ")
        let code = "fn deep(n) {\n    return deep(n + 1) + \(chain)\n}\ndeep(0)"
        let session = Session()
        guard case .failure(let error) = session.run(code, output: RecordingOutput()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .limit)
        #expect(error.message.contains("calls nested deeper than 400 levels in 'deep'"))
        guard case .success(let value) = session.run("deep", output: RecordingOutput()) else {
            Issue.record("the session lost its function")
            return
        }
        #expect(value?.text == "fn deep(n)")
    }

    @Test func callsOnASmallStackEndInALimitErrorBeforeItOverflows() throws {
        // Builtins calling back into functions (timeit here) nest machine frames on the
        // thread's stack; on a thread with a small stack the calls must stop in time.
        let session = Session()
        let statements = try Parser.parse("fn deep(n) = timeit(fn() = deep(n + 1), repeat: 1)\ndeep(0)").get()
        let outcome = Mutex<RuntimeError?>(nil)
        let thread = Thread {
            do {
                _ = try session.evaluator.run(statements)
            } catch let error as RuntimeError {
                outcome.withLock { $0 = error }
            } catch {}
        }
        thread.stackSize = 2 << 20
        thread.start()
        while thread.isExecuting || !thread.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let error = try #require(outcome.withLock { $0 })
        #expect(error.kind == .limit)
        #expect(error.message.contains("nest too deeply for the stack"))
    }

    @Test func aCellNestedPastTheSyntaxLimitIsALimitError() {
        let code = "x = [1]\nx" + String(repeating: "[0:1]", count: Evaluator.maximumSyntaxDepth + 1)
        guard case .failure(let error) = Session().run(code, output: RecordingOutput()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .limit)
        #expect(error.message.contains("more than 100000 levels deep"))
    }

    @Test func interruptStopsALongLoop() async {
        // The loop is finite (30 million iterations: seconds in a debug build, where 3 million
        // could end before the first request) so that a missed interrupt fails the test
        // instead of hanging it.
        expectStoppedByInterrupt("fn spin() { for i in arange(30000) { for j in arange(1000) { } } }\nspin()")
    }

    @Test func interruptStopsARecursionWithoutLoops() async {
        // Calls check for an interrupt as loops do (the machine's `call`), so recursion with no
        // loop stops too; a finite workload again (fib(32): 7 million calls, many seconds in a
        // debug build).
        expectStoppedByInterrupt("fn fib(n) {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}\nfib(32)")
    }

    /// Runs `code` under repeated interrupt requests and expects an interrupted error within
    /// 20 s, the session going on with its machine back at the top level.
    private func expectStoppedByInterrupt(_ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (session, result, seconds) = runInterrupted(code)
        guard case .failure(let error) = result else {
            Issue.record("expected the code to be interrupted", sourceLocation: sourceLocation)
            return
        }
        #expect(error.kind == .interrupted, sourceLocation: sourceLocation)
        #expect(seconds < 20, sourceLocation: sourceLocation)
        #expect(session.evaluator.machine.frameCount == 0, sourceLocation: sourceLocation)
        #expect(session.evaluator.callDepth == 0, sourceLocation: sourceLocation)
    }

    /// Runs `code` in a new session while another thread requests an interrupt every 0.3 s
    /// until the cell ends (on a loaded machine the cell may start after the first request,
    /// which `run` clears as stale: an interrupt never stops the next cell); returns the
    /// session, the result and the seconds the cell took.
    private func runInterrupted(_ code: String) -> (Session, RunResult, Double) {
        let session = Session()
        let started = Date()
        let finished = Atomic<Bool>(false)
        Thread.detachNewThread {
            while !finished.load(ordering: .acquiring) {
                Thread.sleep(forTimeInterval: 0.3)
                session.requestInterrupt()
            }
        }
        let result = session.run(code, output: RecordingOutput())
        finished.store(true, ordering: .releasing)
        return (session, result, Date().timeIntervalSince(started))
    }
}

