import Foundation

/// Keeps deep programs from overflowing the stack. The compiler recurses over a cell's syntax,
/// so a cell may nest only so deep, and the compiler checks the stack as it goes. Running code
/// does not recurse over syntax (it is a loop over instructions) and calls between user
/// functions stay in that loop; but a builtin calling back into a function (`timeit(f)`)
/// nests the loop on the thread's stack, so such a call first checks that the stack left
/// holds one more.
extension Evaluator {
    /// The deepest nesting of a cell's syntax (operators, calls, brackets, blocks) accepted.
    static let maximumSyntaxDepth = 100_000
    /// A generous bound on the stack one call takes: the machine's loop and the slow paths and
    /// builtins below it (unoptimised builds take the most).
    static let stackPerCall: UInt = 256 << 10
    /// Kept free below the deepest call for builtins, printing and error handling.
    static let stackSafetyMargin = 1 << 20

    /// Checks a cell's depth and notes how far the stack of the thread running it may grow.
    func prepareToRun(_ statements: [Statement]) throws {
        guard SyntaxDepth.of(statements, limit: Evaluator.maximumSyntaxDepth) != nil else {
            throw RuntimeError.syntaxTooDeep(limit: Evaluator.maximumSyntaxDepth)
        }
        // A cell run from inside another (a debugger evaluating while paused) keeps the floor.
        guard machine.frameCount == 0 else { return }
        let size = UInt(Thread.current.stackSize)
        // The cell starts near the top of its thread's stack (a fresh thread, or the kernel's
        // shell loop a few frames down), so the stack ends about `size` below here.
        let here = Evaluator.stackAddress()
        stackFloor = size > 0 && here > size ? here - size + UInt(Evaluator.stackSafetyMargin) : 0
    }

    /// Throws a LimitError when another call of `function` from outside compiled code (which
    /// nests the machine's loop) could overflow the stack from here.
    func checkStack(for function: UserFunction) throws {
        guard stackFloor != 0 else { return }
        if Evaluator.stackAddress() < stackFloor + Evaluator.stackPerCall {
            throw RuntimeError.stackExhausted(in: function.name)
        }
    }

    /// Whether the compiler may recurse one level deeper (`reserve` bytes for it).
    func hasStack(for reserve: UInt) -> Bool {
        stackFloor == 0 || Evaluator.stackAddress() >= stackFloor + reserve
    }

    @inline(never)
    static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
