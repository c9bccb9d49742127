/// One evaluated subscript component: a whole-number position or slice bounds.
enum IndexValue {
    /// `t[i]`.
    case position(Int)
    /// `t[a:b:s]`; nil bounds take Python's defaults.
    case slice(start: Int?, stop: Int?, step: Int?)
}
