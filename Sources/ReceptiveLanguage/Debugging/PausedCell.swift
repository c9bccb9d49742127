/// A cell paused by the debugger, as it was at the statement it stopped at: its active calls,
/// innermost first, with their variables, and the session's globals. Values are copied out
/// (copy-on-write, so nothing is duplicated), so the snapshot may be read on another thread
/// while the session's thread waits.
public struct PausedCell: Sendable {
    /// The calls, innermost first; the last is the cell itself.
    public let frames: [PausedFrame]
    /// The session's variables.
    public let globals: VariableSnapshot
}

/// One active call of a paused cell.
public struct PausedFrame: Sendable {
    /// The function's name, or "cell" for the cell's own code.
    public let name: String
    /// The text of the cell the code was written in (a function's, the cell that defined it).
    public let source: String
    /// The line (1-based, in `source`) it is at.
    public let line: Int
    /// Whether it is a function call (the cell's own frame has no locals of its own).
    public let isFunction: Bool
    /// The call's variables: parameters and locals that are set.
    public let locals: VariableSnapshot
}

extension Evaluator {
    /// The active calls of the running code, innermost first, for a debugger.
    func pausedCell() -> PausedCell {
        let frames = machine.activeFrames.reversed().map { frame in
            let code = frame.function
            // Each frame's counter is past the instruction it runs: the statement marker of the
            // innermost frame, the call of the others.
            let line = code.ranges[max(frame.pc - 1, 0)].start.line
            return PausedFrame(name: code.isFunction ? code.name : "cell", source: code.source, line: line,
                               isFunction: code.isFunction, locals: locals(of: frame))
        }
        return PausedCell(frames: Array(frames), globals: VariableSnapshot(variables: globals, options: renderOptions))
    }

    /// A frame's set variables: named locals in its registers, captured ones in its environment.
    private func locals(of frame: Machine.Frame) -> VariableSnapshot {
        let code = frame.function
        var variables: [String: Value] = [:]
        for (register, name) in code.localNames.enumerated() {
            if let value = machine.registers[frame.base + register] { variables[name] = value }
        }
        if frame.ownsEnvironment, let environment = frame.scope {
            for (slot, name) in code.environmentNames.enumerated() {
                if let value = environment[slot] { variables[name] = value }
            }
        }
        return VariableSnapshot(variables: variables, options: renderOptions)
    }
}
