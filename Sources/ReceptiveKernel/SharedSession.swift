import Foundation
import ReceptiveLanguage

/// The session the interpreter runs cells in, shared with the debugger: a `Session` may be
/// used by one thread at a time, and the interpreter (shell thread) and the debugger's
/// variables panel (control thread) both read it, so every use takes this lock.
///
/// The shell thread waits for the lock (the debugger holds it only to copy the variables out);
/// the debugger never waits (a cell may run for minutes): it tries, and when a cell holds the
/// session it answers from the variables it saw last.
final class SharedSession: Sendable {
    // Reached only under `lock`; that is what makes the unchecked conformance of `Session` sound here.
    private let session: Session
    private let lock = NSLock()

    init(_ session: Session) {
        self.session = session
    }

    /// Runs `body` with the session, waiting until no other thread uses it.
    func withSession<T>(_ body: (Session) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(session)
    }

    /// Runs `body` with the session if no other thread uses it now; nil (without waiting) if one does.
    func withSessionIfFree<T>(_ body: (Session) -> T) -> T? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return body(session)
    }

    /// The session's breakpoints and pause requests; safe from any thread.
    var debugging: CellDebugging { session.debugging }

    /// Asks the running cell to stop; needs no lock (it sets the session's atomic flag).
    func requestInterrupt() {
        session.requestInterrupt()
    }
}
