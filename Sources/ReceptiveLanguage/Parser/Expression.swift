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
    }

    /// The node.
    var kind: Kind
    /// Where it is in the source.
    var range: SourceRange
}

/// An argument of a call: positional when `name` is nil.
struct Argument: Sendable {
    /// The keyword, for `name: value` or `name = value`.
    var name: String?
    /// The argument's expression.
    var value: Expression
    /// The whole argument, keyword included.
    var range: SourceRange
}

/// One component of a subscript: an index or a slice.
enum IndexComponent: Sendable {
    /// `t[i]`: selects one position and drops the axis.
    case single(Expression)
    /// `t[a:b:s]`: keeps the axis; missing bounds take their defaults.
    case slice(start: Expression?, stop: Expression?, step: Expression?)
}

/// A prefix operator.
enum UnaryOperator: Sendable {
    case negate, not
}

/// An infix operator (except `and`/`or`, which short-circuit).
enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "**"
    case matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}
