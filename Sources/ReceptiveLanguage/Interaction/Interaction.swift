import TextPlots

/// One live `interact(f, name: control, ...)`: the function and its named controls. A front
/// end with widgets keeps it and asks the session to render it again whenever a control
/// changes (`Session.render(_:)`).
///
/// Touched only on the session's thread, like `Control`; hence the unchecked conformance.
public final class Interaction: @unchecked Sendable {
    /// The function called with the controls' values, by name.
    public let function: Value
    /// The controls, in the order the call named them, each with the parameter it feeds.
    public let controls: [(name: String, control: Control)]
    /// Whether a control changed since the output was last rendered: set by the front end's
    /// host when it defers a render because a newer change is already queued.
    public var isStale = false

    init(function: Value, controls: [(name: String, control: Control)]) {
        self.function = function
        self.controls = controls
    }

    /// The controls' current values as named arguments.
    var arguments: [ArgumentBinder.Named] {
        controls.map { ArgumentBinder.Named(name: $0.name, value: $0.control.value) }
    }

    /// `f(k: 3, mode: "valid")`: the call the output shows, for notes and errors.
    var callText: String {
        let name: String = if case .function(let callable) = function { callable.name } else { "f" }
        return name + "(" + controls.map { "\($0.name): \($0.control.value.resultText)" }.joined(separator: ", ") + ")"
    }
}

/// What a front end that can draw widgets offers the language (the kernel, over the Jupyter
/// widget protocol). `receptive run`, the REPL and tests have none, and `interact` falls back
/// to one run of `f` with a note.
public protocol WidgetHost: AnyObject {
    /// Shows `interaction`'s controls and an output area holding `initial` (f's output for the
    /// current values). `fallback` is what a front end that cannot draw the widgets shows
    /// instead: the same output as text, with a one-line note.
    func show(_ interaction: Interaction, initial: CapturedOutput, fallback: Figure)
}
