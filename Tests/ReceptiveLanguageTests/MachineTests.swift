@testable import ReceptiveLanguage
import Testing
import TextPlots

/// The register machine: what the compiler writes and state after errors in nested calls. (Its
/// statement hook and frames, which only a debugger uses, are tested through the session's
/// debugging in CellDebuggingTests.)
struct MachineTests {
    @Test func listingShowsRegistersGlobalsAndConstants() {
        let listing = Session().listing(of: "fn twice(x) = x * 2\ny = twice(3)")
        #expect(listing.contains("twice: 2 registers, locals [\"x\"]"))
        #expect(listing.contains("multiplyConstant r1 r0 #2"))
        #expect(listing.contains("call g:y g:twice"))
        #expect(!listing.contains("statement"))
    }

    @Test func aReturnedSumOfRegistersIsOneInstruction() {
        let listing = Session().listing(of: "fn fib(n) {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}")
        #expect(listing.contains("returnSum r1 r2 r3"))
        #expect(!listing.contains("addRegisters"))
        // A variable holding a sum is returned as a variable: a jump may reach its `return`.
        let assigned = Session().listing(of: "fn pick(c, a, b) {\n  s = a + b\n  if c { s = a }\n  return s\n}")
        #expect(assigned.contains("addRegisters r3 r1 r2"))
        #expect(assigned.contains("return r3"))
        #expect(!assigned.contains("returnSum"))
    }

    @Test func anInterruptDuringRecursionLeavesNoFrameBehind() {
        // The print inside the recursion requests the interrupt, which the next call notices,
        // 20 calls deep, with sums of numbers pending in every frame.
        let session = Session()
        let output = InterruptingOutput(session)
        let code = "fn fib(n) {\n  if n < 2 { return n }\n  if n == 5 { print(n) }\n  return fib(n - 1) + fib(n - 2)\n}\nfib(25)"
        guard case .failure(let error) = session.run(code, output: output) else {
            Issue.record("expected the interrupt to stop the cell")
            return
        }
        #expect(error.kind == .interrupted)
        #expect(session.evaluator.machine.frameCount == 0)
        #expect(session.evaluator.callDepth == 0)
        let machine = session.evaluator.machine
        #expect((0..<machine.capacity).allSatisfy { (machine.registers + $0).ownsNothing })
        guard case .success(let value) = session.run("fib(15)", output: RecordingOutput()) else {
            Issue.record("the session did not recover")
            return
        }
        #expect(value?.text == "610")
    }

    @Test func anErrorInNestedCallsLeavesNoFrameBehind() {
        let session = Session()
        let code = "fn inner(n) = [1, 2][n]\nfn outer(n) = inner(n) + 1\nouter(5)"
        guard case .failure(let error) = session.run(code, output: RecordingOutput()) else {
            Issue.record("expected an IndexError")
            return
        }
        #expect(error.kind == .index)
        #expect(session.evaluator.machine.frameCount == 0)
        #expect(session.evaluator.callDepth == 0)
        guard case .success(let value) = session.run("outer(1)", output: RecordingOutput()) else {
            Issue.record("the session did not recover")
            return
        }
        #expect(value?.text == "3")
    }

    @Test func noRegisterHoldsAReferenceAfterACell() {
        // A frame whose registers only ever held numbers skips releasing them at `return`
        // (`Machine.Frame.holdsReferences`); whatever any frame held must still be released by
        // the time the cell ends: arguments, defaults, results and temporaries that own memory,
        // returned through frames that held only numbers, and frames left by an error.
        let programs = [
            "fn fib(n) {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}\nfib(12)",
            "fn wrap(n) = [n, n + 1]\nfn count(n) {\n  if n == 0 { return wrap(0) }\n  return count(n - 1)\n}\ncount(5)",
            "fn pad(x, fill = [1, 2, 3]) = x + 1\nfn outer(t) = pad(t) * 2\nouter([1, 2])",
            "fn text(n) = str(n) + \"!\"\nfn many(n) {\n  s = \"\"\n  for i in range(n) { s = text(i) }\n  return len(s)\n}\nmany(20)",
            "fn inner(n) = [1, 2][n]\nfn outer(n) = inner(n + 0) + [n][0]\nouter(5)",
            "fn join(a, b) = a + b\nfn many(n) {\n  s = \"\"\n  for i in range(n) { s = join(s, \"x\") }\n  return len(s)\n}\nmany(10)",
            "fn grow(n) {\n  xs = []\n  for i in range(n) { append(xs, i) }\n  return xs\n}\nfn total(n) = sum(grow(n)) + sum(grow(n))\ntotal(100)",
        ]
        for program in programs {
            let session = Session()
            _ = session.run(program, output: RecordingOutput())
            let machine = session.evaluator.machine
            let holding = (0..<machine.capacity).filter { !(machine.registers + $0).ownsNothing }
            #expect(holding.isEmpty, "registers \(holding) still hold references after: \(program)")
        }
    }

    @Test func registersGrowWithDeepCallsOfLargeFrames() {
        // Each call holds 300 temporaries (a literal of 300 elements), so 300 nested calls need
        // about 90,000 registers: the register array grows (and moves) while calls are active.
        let elements = (0..<300).map { "n + \($0)" }.joined(separator: ", ")
        let code = "fn deep(n) {\n    row = [\(elements)]\n    if n == 0 { return row[299] }\n    return deep(n - 1) + row[0]\n}\ndeep(299)"
        guard case .success(let value) = Session().run(code, output: RecordingOutput()) else {
            Issue.record("the calls failed")
            return
        }
        // deep(0) gives 299; each of the 299 levels above adds its n.
        #expect(value?.text == String(299 + (1...299).reduce(0, +)))
    }
}

/// Requests its session's interrupt at the first write: an interrupt arriving at a known point
/// of a running cell, without timing.
private final class InterruptingOutput: SessionOutput {
    private unowned let session: Session

    init(_ session: Session) { self.session = session }

    func write(_ text: String, toStandardError: Bool) { session.requestInterrupt() }
    func display(_ figure: Figure, id: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ figure: Figure) {}
    func readInput(prompt: String, password: Bool) throws -> String { "" }
}
