/// How a statement finished: normally, or by `return` with a value.
enum Flow {
    /// Carry on with the next statement.
    case normal
    /// Leave the enclosing function with this value.
    case returned(Value)
}
