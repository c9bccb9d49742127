/// What an assignment writes to.
enum AssignmentTarget: Sendable {
    /// A variable.
    case variable(String, SourceRange)
    /// Elements of the tensor (or list) held by a variable: `x[i, j]`.
    case subscripted(String, [IndexComponent], SourceRange)
    /// A field of the value an expression gives: `l.weight` (layers are shared by reference,
    /// so the change is seen through every name of the value).
    case field(Expression, String, SourceRange)
    /// Several variables taking a value apart: `h, w = x.shape`.
    case unpacked(LoopVariables)
}
