/// Reproducible random weights as a pure function of (seed, index), so a layer never has to
/// store them: a dense 89,600 → 89,320 layer describes its eight billion weights with one seed.
///
/// Each weight is SplitMix64's output function applied to the seed mixed with the weight's
/// index (counted from 1, so seed 0 does not start at the all-zero state), mapped to
/// a uniform value in [−bound, bound) with bound = 1/√fan_in (PyTorch's default range).
public struct SeededWeights: Sendable, Equatable {
    /// The seed every weight is drawn from.
    public let seed: UInt64
    /// Half the width of the uniform range: 1/√fan_in.
    public let bound: Double

    /// Creates weights for a unit with `fanIn` inputs.
    public init(seed: UInt64, fanIn: Int) {
        self.seed = seed
        self.bound = 1 / Double(max(fanIn, 1)).squareRoot()
    }

    /// The weight with flat index `index`.
    @inline(__always)
    public func weight(_ index: Int) -> Double {
        let unit = SeededWeights.uniform(seed: seed, index: UInt64(truncatingIfNeeded: index))
        return bound * (2 * unit - 1)
    }

    /// A uniform value in [0, 1) determined by `seed` and `index`.
    @inline(__always)
    static func uniform(seed: UInt64, index: UInt64) -> Double {
        var state = seed &* 0xD1B5_4A32_D192_ED03 &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 31
        return Double(state >> 11) * 0x1p-53
    }
}
