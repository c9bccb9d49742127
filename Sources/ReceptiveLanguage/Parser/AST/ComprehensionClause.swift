/// One clause of a list comprehension, in source order: each `for` loops inside the ones
/// before it, each `if` keeps only the items for which it holds.
enum ComprehensionClause: Sendable {
    /// `for v in sequence`.
    case loop(LoopVariables, sequence: Expression)
    /// `if condition`.
    case filter(Expression)
}
