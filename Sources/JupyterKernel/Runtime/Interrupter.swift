import Synchronization

/// Lets the control thread (or SIGINT) interrupt the cell running on the shell thread.
final class Interrupter: @unchecked Sendable {
    // Unchecked because only `Interpreter.interrupt()` is called through this reference, and the
    // protocol requires that one method to be safe from any thread.
    private let interpreter: Interpreter
    private let pending = Atomic<Bool>(false)

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Asks the running cell, and any wait for input, to stop.
    func interrupt() {
        pending.store(true, ordering: .releasing)
        interpreter.interrupt()
    }

    /// Whether an interrupt arrived since the current cell started.
    var isPending: Bool { pending.load(ordering: .acquiring) }

    /// Forgets earlier interrupts; called as each cell starts.
    func reset() { pending.store(false, ordering: .releasing) }
}
