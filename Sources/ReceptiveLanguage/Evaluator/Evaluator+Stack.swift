import Foundation

/// Keeps deep programs from overflowing the stack: a cell's syntax may nest only so deep, and
/// each user-function call first checks that the stack left holds its body's nesting.
extension Evaluator {
    /// The deepest nesting of a cell's syntax (operators, calls, brackets, blocks) accepted.
    static let maximumSyntaxDepth = 100_000
    /// A generous bound on the stack one level of nesting takes while compiled code runs
    /// (unoptimised builds take the most, about 2 KiB).
    static let stackPerSyntaxLevel = 4096
    /// Kept free below the deepest call for builtins, printing and error handling.
    static let stackSafetyMargin = 1 << 20

    /// Checks a cell's depth and notes how far the stack of the thread running it may grow.
    func prepareToRun(_ statements: [Statement]) throws {
        guard SyntaxDepth.of(statements, limit: Evaluator.maximumSyntaxDepth) != nil else {
            throw RuntimeError.syntaxTooDeep(limit: Evaluator.maximumSyntaxDepth)
        }
        let size = UInt(Thread.current.stackSize)
        // The cell starts near the top of its thread's stack (a fresh thread, or the kernel's
        // shell loop a few frames down), so the stack ends about `size` below here.
        let here = Evaluator.stackAddress()
        stackFloor = size > 0 && here > size ? here - size + UInt(Evaluator.stackSafetyMargin) : 0
    }

    /// Throws a LimitError when running `function`'s body could overflow the stack from here.
    func checkStack(for function: UserFunction) throws {
        guard stackFloor != 0 else { return }
        if Evaluator.stackAddress() < stackFloor + function.code.stackReserve {
            throw RuntimeError.stackExhausted(in: function.name)
        }
    }

    /// The stack needed to run a body nested `depth` levels deep (calls inside check again).
    static func stackReserve(forDepth depth: Int) -> UInt {
        UInt(depth * stackPerSyntaxLevel + stackSafetyMargin / 16)
    }

    @inline(never)
    private static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
