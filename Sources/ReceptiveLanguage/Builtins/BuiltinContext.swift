import TextPlots

/// What a builtin may ask of the running session (implemented by the evaluator).
public protocol BuiltinContext: AnyObject {
    /// Session-wide rendering options (`set(width:, precision:, threshold:)`).
    var renderOptions: RenderOptions { get set }
    /// Writes text to stdout (`print`) or stderr (`warn`).
    func write(_ text: String, toStandardError: Bool)
    /// Shows a value now, as a display (`show`).
    func display(_ value: Value)
    /// Clears the cell's output (`clear`).
    func clearOutput()
    /// Reads a line from the user (`input`).
    func readInput(prompt: String) throws -> String
    /// Calls a function value with positional arguments (for `timeit`, `equivariant`, ...).
    func call(_ callee: Value, _ arguments: [Value]) throws -> Value
}
