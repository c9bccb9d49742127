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
        /// `for name in sequence { body }`, or `for a, b in sequence` taking each item apart.
        case `for`(LoopVariables, sequence: Expression, body: [Statement])
        /// `while condition { body }`.
        case `while`(condition: Expression, body: [Statement])
        /// `break`: leaves the innermost loop.
        case `break`
        /// `continue`: goes on with the innermost loop's next item.
        case `continue`
        /// `{ statements }`.
        case block([Statement])
    }

    /// The node.
    var kind: Kind
    /// Where it is in the source.
    var range: SourceRange
}
