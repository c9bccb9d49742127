import Foundation
import ReceptiveLanguage

/// Where a cell paused by the debugger waits (on the shell thread) for the control thread to
/// say how it goes on, and where the control thread reads the paused cell meanwhile.
///
/// An interrupt that arrives while the cell waits, or just before, ends the wait with
/// `.abort`; `reset` forgets an interrupt meant for an earlier cell.
final class PauseGate: @unchecked Sendable {
    // Unchecked: every stored property below is read and written only while holding `condition`.
    private let condition = NSCondition()
    private var paused: PausedCell?
    private var command: ResumeCommand?
    private var abortPending = false

    /// The paused cell, or nil while none waits.
    var pausedCell: PausedCell? {
        condition.lock()
        defer { condition.unlock() }
        return paused
    }

    /// Shows `cell` as paused, calls `announce` (which may now be answered), and waits for a
    /// command; returns it with the cell no longer paused. A cell interrupted just before
    /// gets `.abort` without pausing.
    func wait(_ cell: PausedCell, announce: () -> Void) -> ResumeCommand {
        condition.lock()
        if abortPending {
            abortPending = false
            condition.unlock()
            return .abort
        }
        paused = cell
        command = nil
        condition.unlock()
        announce()
        condition.lock()
        defer { condition.unlock() }
        while command == nil { condition.wait() }
        let given = command ?? .abort
        paused = nil
        command = nil
        return given
    }

    /// Lets the paused cell go on with `command`; false when no cell waits.
    @discardableResult
    func resume(_ command: ResumeCommand) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard paused != nil, self.command == nil else { return false }
        self.command = command
        condition.signal()
        return true
    }

    /// Ends the wait of a paused cell with `.abort`, or of the next pause of this cell.
    func interrupt() {
        condition.lock()
        defer { condition.unlock() }
        if paused != nil {
            command = .abort
            condition.signal()
        } else {
            abortPending = true
        }
    }

    /// Forgets an interrupt that found no paused cell; called as each cell starts.
    func reset() {
        condition.lock()
        defer { condition.unlock() }
        abortPending = false
    }
}
