extension Double {
    /// The largest magnitude a Double is taken as a whole number at: 2^53 = 9,007,199,254,740,992.
    ///
    /// Every integer from −2^53 to 2^53 is a Double, and `Int(_:)` converts it exactly (Int
    /// holds up to 2^63 − 1, so it cannot trap). Above 2^53 Doubles are 2 or more apart: the
    /// value is no longer a count or an index anyone wrote (2^53 + 1 already rounds to 2^53),
    /// and printing it as an integer would show digits the Double does not hold (1e16 would
    /// print as 10000000000000000, as if it were exact), so there it is a plain Double.
    public static let wholeNumberLimit: Double = 0x1p53

    /// This number as an `Int` when it is a whole number of magnitude at most 2^53
    /// (`wholeNumberLimit`); nil for fractions, larger magnitudes, infinities and NaN.
    /// Used wherever a number becomes an index, a count or integer text (`3`, not `3.0`).
    @inlinable
    public var wholeNumber: Int? {
        guard abs(self) <= Double.wholeNumberLimit, self == rounded() else { return nil }
        return Int(self)
    }
}
