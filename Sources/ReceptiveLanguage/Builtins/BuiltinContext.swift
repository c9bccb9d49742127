import Foundation
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
}
