/// A statement node of the syntax tree.
struct Statement: Sendable {
    /// The node's shape.
    indirect enum Kind: Sendable {
        /// An expression evaluated for its value; `silenced` when it ends with `;`.
        case expression(Expression, silenced: Bool)
        /// `target = value`, or `target op= value` when `operation` is set.
        case assignment(AssignmentTarget, operation: BinaryOperator?, value: Expression)
        /// `fn name(params) { body }` or `fn name(params) = expr`.
        case function(FunctionDeclaration)
        /// `return` or `return expr`.
        case `return`(Expression?)
        /// `if c { } else if c { } else { }`.
        case `if`(branches: [(condition: Expression, body: [Statement])], otherwise: [Statement]?)
        /// `for name in sequence { body }`.
        case `for`(variable: String, sequence: Expression, body: [Statement])
        /// `{ statements }`.
        case block([Statement])
    }

    /// The node.
    var kind: Kind
    /// Where it is in the source.
    var range: SourceRange
}

/// What an assignment writes to.
enum AssignmentTarget: Sendable {
    /// A variable.
    case variable(String, SourceRange)
    /// Elements of the tensor (or list) held by a variable: `x[i, j]`.
    case subscripted(String, [IndexComponent], SourceRange)
}

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
