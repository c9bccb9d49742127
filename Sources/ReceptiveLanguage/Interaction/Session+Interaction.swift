/// Widget callbacks: a front end's host asks the session to render an interaction again when
/// one of its controls changed.
extension Session {
    /// Runs `interaction`'s function with the controls' current values, as a cell would (on
    /// the large stack, stopped by `requestInterrupt`), and returns its output instead of
    /// sending it: streams, displays, the result, or the error with its caret. An interrupt
    /// ends it with an `Interrupted` error item; the session's variables are as the function
    /// left them. `live` sees the output so far after every display (an animation's frames).
    /// While a debugger is attached it stops at breakpoints in the function, as a cell does.
    /// Must be called on the session's thread, between cells.
    public func render(_ interaction: Interaction, live: ((CapturedOutput) -> Void)? = nil) -> CapturedOutput {
        control.clearInterrupt()
        // An interrupt that stopped this callback must not stop the next cell.
        defer { control.clearInterrupt() }
        return LargeStack.run {
            do {
                try evaluator.prepareToRun([])
            } catch {
                return CapturedOutput(items: [.error(ReportedError([RuntimeError(.limit, "\(error)")], source: ""))])
            }
            prepareDebugging()
            defer { stepper.reset() }
            return evaluator.render(interaction, live: live)
        }
    }
}
