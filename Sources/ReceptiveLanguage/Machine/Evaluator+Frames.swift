/// The active calls as a debugger sees them: for each, the function, the line it is at and its
/// local variables.
extension Evaluator {
    /// One active call.
    struct FrameSnapshot {
        /// The function's name (`<cell>` for a cell's top-level code).
        var name: String
        /// The line (1-based, in `source`) of the instruction the call is at.
        var line: Int
        /// The text of the cell the code comes from.
        var source: String
        /// The locals that are set, in slot order, then the captured ones.
        var locals: [(name: String, value: Value)]
    }

    /// The active calls, innermost first. Statement hooks and builtins calling back may read
    /// them; the values are copies.
    var frameSnapshots: [FrameSnapshot] {
        machine.activeFrames.reversed().map { frame in
            let code = frame.function
            let position = min(max(frame.pc - 1, 0), code.instructionCount - 1)
            var locals: [(name: String, value: Value)] = []
            for (register, name) in code.localNames.enumerated() {
                if let value = machine.registers[frame.base + register] { locals.append((name, value)) }
            }
            if code.ownsEnvironment, let environment = frame.scope {
                for (slot, name) in code.environmentNames.enumerated() {
                    if let value = environment[slot] { locals.append((name, value)) }
                }
            }
            return FrameSnapshot(name: code.name, line: code.ranges[position].start.line, source: code.source, locals: locals)
        }
    }
}
