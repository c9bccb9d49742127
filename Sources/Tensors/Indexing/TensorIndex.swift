/// One component of a subscript such as `t[1, ::-1, 2:5]`.
public enum TensorIndex: Sendable, Equatable {
    /// A single position; negative counts from the end. Drops the axis.
    case index(Int)
    /// A Python slice; nil parts take their defaults and `step` may be negative. Keeps the axis.
    case slice(start: Int?, stop: Int?, step: Int?)

    /// The whole axis, `:`.
    public static let all = TensorIndex.slice(start: nil, stop: nil, step: nil)
}
