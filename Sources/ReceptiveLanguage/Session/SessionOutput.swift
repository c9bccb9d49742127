import TextPlots

/// Where a running program's output goes (kernel bridge → Jupyter iopub; CLI → terminal).
public protocol SessionOutput: AnyObject {
    /// `print` / `warn`: text for the stdout or stderr stream.
    func write(_ text: String, toStandardError: Bool)
    /// `show(x)` and progress: a display now, or an update of the display with `id`.
    func display(_ figure: Figure, id: String?, update: Bool)
    /// `clear()`: clears the cell's output (after the next output when `wait`).
    func clearOutput(wait: Bool)
    /// `help(name)`: text for a pager (the CLI prints it).
    func page(_ figure: Figure)
    /// `input(prompt)`: a line typed by the user.
    func readInput(prompt: String, password: Bool) throws -> String
    /// A progress bar's text (a display, then updates with the same `id`); empty text clears it.
    func showProgress(_ text: String, id: String, update: Bool)
    /// The front end's widgets (`interact`), or nil where there are none.
    var widgets: (any WidgetHost)? { get }
    /// Whether a display can be replaced in place (`animate` shows every frame or only the last;
    /// `train` shows its plot live or only at the end).
    var updatesDisplaysInPlace: Bool { get }
}

extension SessionOutput {
    /// By default progress is a plain-text display updated in place (what Jupyter shows).
    public func showProgress(_ text: String, id: String, update: Bool) {
        display(Figure(text: text), id: id, update: update)
    }

    /// By default there are no widgets: `interact` runs its function once, with a note.
    public var widgets: (any WidgetHost)? { nil }

    /// By default displays update in place, as Jupyter's `update_display_data` does.
    public var updatesDisplaysInPlace: Bool { true }
}
