/// A prefix operator.
enum UnaryOperator: Sendable {
    case negate, not
}
