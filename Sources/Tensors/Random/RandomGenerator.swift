import Foundation

/// xoshiro256** (Blackman & Vigna, 2018) seeded through SplitMix64: the same seed gives the
/// same sequence on every machine, which makes `random(..., seed:)` reproducible.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        state = (RandomGenerator.splitMix(&mixer), RandomGenerator.splitMix(&mixer),
                 RandomGenerator.splitMix(&mixer), RandomGenerator.splitMix(&mixer))
    }

    /// A generator with a fresh seed from the system's entropy source.
    public init() {
        var system = SystemRandomNumberGenerator()
        self.init(seed: system.next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A uniform number in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Two independent standard normal numbers by the Box–Muller transform.
    public mutating func nextNormalPair() -> (Double, Double) {
        let u1 = 1 - nextUniform()  // in (0, 1], so the logarithm is finite
        let u2 = nextUniform()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        return (radius * Foundation.cos(2 * .pi * u2), radius * Foundation.sin(2 * .pi * u2))
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
