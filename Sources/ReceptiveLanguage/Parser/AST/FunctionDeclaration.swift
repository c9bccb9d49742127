/// A user function's definition.
struct FunctionDeclaration: Sendable {
    /// One parameter with an optional default expression.
    struct ParameterDeclaration: Sendable {
        /// The parameter's name.
        var name: String
        /// Its default, evaluated when the function is defined.
        var defaultValue: Expression?
    }

    /// The function's name.
    var name: String
    /// Its parameters in order.
    var parameters: [ParameterDeclaration]
    /// Its body; the one-line form is a single `return`.
    var body: [Statement]
}
