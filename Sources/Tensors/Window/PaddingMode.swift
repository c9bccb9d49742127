/// What padding holds, for `pad` and for a window's padding (its fill), named as the language
/// names them (numpy's name in brackets; torch's `padding_mode` calls them `zeros`, `reflect`,
/// `replicate` and `circular`).
public enum PaddingMode: String, Sendable, CaseIterable {
    /// Zeros (`constant` with value 0).
    case zero
    /// Mirror without repeating the edge element: `3 2 | 1 2 3 | 2 1` (`reflect`).
    case reflect
    /// Repeat the edge element (`edge`).
    case edge
    /// Continue periodically from the other side (`wrap`).
    case wrap

    /// The source position along an axis of `size` for padded position `position`
    /// (which may be negative or ≥ size); nil means "fill with zero".
    @inline(__always)
    func source(_ position: Int, size: Int) -> Int? {
        if position >= 0 && position < size { return position }
        switch self {
        case .zero:
            return nil
        case .edge:
            return position < 0 ? 0 : size - 1
        case .wrap:
            let wrapped = position % size
            return wrapped < 0 ? wrapped + size : wrapped
        case .reflect:
            guard size > 1 else { return 0 }
            let period = 2 * (size - 1)
            var folded = position % period
            if folded < 0 { folded += period }
            return folded < size ? folded : period - folded
        }
    }
}
