/// The kinds of error a Receptive program can raise (docs/language.md#errors).
public enum ErrorKind: String, Sendable, CaseIterable {
    /// The source is not valid Receptive.
    case syntax = "SyntaxError"
    /// A name that is not defined.
    case name = "NameError"
    /// A value of the wrong type.
    case type = "TypeError"
    /// Tensor shapes that do not fit together.
    case shape = "ShapeError"
    /// An index outside its axis.
    case index = "IndexError"
    /// A value of the right type that is not acceptable.
    case value = "ValueError"
    /// A file that cannot be read or written.
    case io = "IOError"
    /// A configured limit was reached (allocation cap, recursion depth, string length).
    case limit = "LimitError"
    /// The user interrupted the cell.
    case interrupted = "Interrupted"
}
