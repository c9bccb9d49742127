/// One component of a subscript: an index or a slice.
enum IndexComponent: Sendable {
    /// `t[i]`: selects one position and drops the axis.
    case single(Expression)
    /// `t[a:b:s]`: keeps the axis; missing bounds take their defaults.
    case slice(start: Expression?, stop: Expression?, step: Expression?)
}
