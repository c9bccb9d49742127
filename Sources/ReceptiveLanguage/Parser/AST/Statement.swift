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
