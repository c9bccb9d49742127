/// The padding of one axis: units added before the first input unit and after the last.
public struct Padding: Sendable, Hashable {
    /// Units added before the first input unit (left, top).
    public var before: Int
    /// Units added after the last input unit (right, bottom).
    public var after: Int

    /// Creates a padding.
    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }

    /// No padding.
    public static let none = Padding(before: 0, after: 0)

    /// `amount` units on both sides.
    public static func symmetric(_ amount: Int) -> Padding { Padding(before: amount, after: amount) }

    /// "full": every position where the window overlaps the input, `reach` units on both sides.
    static func full(reach: Int) -> Padding { .symmetric(reach) }

    /// "same": as many outputs as inputs at stride 1, so `reach` = d·(k − 1) units in all, split
    /// evenly. When `reach` is odd (an even kernel), torch's `padding="same"` puts the extra
    /// unit after (right, bottom) and scipy's `mode="same"` before, since scipy crops the full
    /// result from index ⌊(k − 1) / 2⌋.
    static func same(reach: Int, extraUnitBefore: Bool) -> Padding {
        let small = reach / 2
        return extraUnitBefore ? Padding(before: reach - small, after: small) : Padding(before: small, after: reach - small)
    }
}
