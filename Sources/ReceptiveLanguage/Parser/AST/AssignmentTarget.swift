/// What an assignment writes to.
enum AssignmentTarget: Sendable {
    /// A variable.
    case variable(String, SourceRange)
    /// Elements of the tensor (or list) held by a variable: `x[i, j]`.
    case subscripted(String, [IndexComponent], SourceRange)
    /// Several variables taking a value apart: `h, w = x.shape`.
    case unpacked(LoopVariables)
}
