@testable import ReceptiveLanguage
import Testing

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
