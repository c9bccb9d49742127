/// An argument of a call: positional when `name` is nil.
struct Argument: Sendable {
    /// The keyword, for `name: value` or `name = value`.
    var name: String?
    /// The argument's expression.
    var value: Expression
    /// The whole argument, keyword included.
    var range: SourceRange
}
