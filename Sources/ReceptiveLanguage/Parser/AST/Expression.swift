/// An expression node of the syntax tree, with the source it came from.
struct Expression: Sendable {
    /// The node's shape.
    indirect enum Kind: Sendable {
        /// A number, string, bool or none written in the source.
        case literal(Value)
        /// A name to look up.
        case variable(String)
        /// `[a, b, ...]`: a tensor when the elements fit together, otherwise a list.
        case bracketed([Expression])
        /// `[element for v in xs if condition]`: built like a bracketed literal.
        case comprehension(element: Expression, clauses: [ComprehensionClause])
        /// `(a, b)` or `(a,)`.
        case tuple([Expression])
        /// `-x`, `not x`.
        case unary(UnaryOperator, Expression)
        /// `a + b`, `a @ b`, `a < b`, ...
        case binary(BinaryOperator, Expression, Expression)
        /// `a and b` (isAnd) or `a or b`, short-circuiting.
        case logical(isAnd: Bool, Expression, Expression)
        /// `f(a, name: b)`.
        case call(Expression, [Argument])
        /// `t[i, a:b]`.
        case index(Expression, [IndexComponent])
        /// `t.shape`.
        case field(Expression, String)
        /// An anonymous function: `fn(x) = x * 2` or `fn(x) { ... }`.
        case function(FunctionDeclaration)
    }

    /// The node.
    var kind: Kind
    /// Where it is in the source.
    var range: SourceRange
}
