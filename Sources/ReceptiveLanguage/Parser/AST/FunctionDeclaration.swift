/// A user function's definition: a `fn name(...)` statement or an anonymous `fn(...)`.
struct FunctionDeclaration: Sendable {
    /// One parameter with an optional default expression.
    struct ParameterDeclaration: Sendable {
        /// The parameter's name.
        var name: String
        /// Its default, evaluated when the function is defined.
        var defaultValue: Expression?
    }

    /// The name anonymous functions go by in signatures and errors.
    static let anonymousName = "fn"

    /// The function's name (`fn` for an anonymous function).
    var name: String
    /// Whether it was written as an expression without a name.
    var isAnonymous = false
    /// Its parameters in order.
    var parameters: [ParameterDeclaration]
    /// Its body; the one-line form is a single `return`.
    var body: [Statement]
}
