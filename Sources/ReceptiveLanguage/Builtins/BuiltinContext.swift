import Foundation
import Learning
import Tensors
import TextPlots

/// What a builtin may ask of the running session (implemented by the evaluator).
public protocol BuiltinContext: AnyObject {
    /// Session-wide rendering options (`set(width:, precision:, threshold:)`).
    var renderOptions: RenderOptions { get set }
    /// The session's execution control: its interrupt flag, element cap and progress observer,
    /// handed to every tensor operation a builtin runs.
    var control: ExecutionControl { get }
    /// The directory `load` and `save` resolve relative paths against; nil means the
    /// process's current directory (the notebook's folder in Jupyter).
    var workingDirectory: URL? { get }
    /// The session's variables, by name (for `vars()`).
    var variables: [(name: String, value: Value)] { get }
    /// The value a name refers to (variable or builtin), if any.
    func lookup(_ name: String) -> Value?
    /// Writes text to stdout (`print`) or stderr (`warn`).
    func write(_ text: String, toStandardError: Bool)
    /// Shows a value now, as a display (`show`).
    func display(_ value: Value)
    /// Clears the cell's output (`clear`).
    func clearOutput()
    /// Shows text in the pager (`help(name)`).
    func page(_ figure: Figure)
    /// Reads a line from the user (`input`).
    func readInput(prompt: String) throws -> String
    /// Calls a function value with positional arguments (for `timeit`, `equivariant`, ...).
    func call(_ callee: Value, _ arguments: [Value]) throws -> Value
    /// Shows a figure as a display with `id`, or replaces the display with that id (`animate`,
    /// `train`'s plot).
    func display(_ figure: Figure, id: String, update: Bool)
    /// The front end's widgets, or nil where there are none (`interact` then falls back).
    var widgets: (any WidgetHost)? { get }
    /// Whether displays can be replaced in place (else `animate` shows only its last frame and
    /// `train` its plot once, at the end).
    var updatesDisplaysInPlace: Bool { get }
    /// Runs an interaction's function with its controls' values, keeping its output; an error
    /// in the function becomes the output's last item, but an interrupt is rethrown so that it
    /// ends the cell.
    func render(_ interaction: Interaction) throws -> CapturedOutput
    /// The tape of the gradient being taken (`grad`, `value_and_grad`, a step of `train`), if
    /// any: layers applied while it records use their weights traced on it.
    var tape: Tape? { get set }
}
