import Foundation

/// An elementwise operation on two tensors, applied with numpy broadcasting.
///
/// `remainder` is floored (Python's and numpy's `%`: the sign follows the divisor);
/// comparisons give 1.0 for true and 0.0 for false; `minimum`/`maximum` propagate NaN as numpy does.
public enum BinaryOperation: Sendable {
    /// `a + b`.
    case add
    /// `a - b`.
    case subtract
    /// `a * b`.
    case multiply
    /// `a / b` (IEEE: ±inf or NaN when dividing by zero).
    case divide
    /// `a // b`, the quotient rounded towards -inf (numpy's `floor_divide`).
    case floorDivide
    /// `a % b`, floored: the result takes the divisor's sign.
    case remainder
    /// `a ** b`.
    case power
    /// `a == b` as 1 or 0.
    case equal
    /// `a != b` as 1 or 0.
    case notEqual
    /// `a < b` as 1 or 0.
    case less
    /// `a <= b` as 1 or 0.
    case lessEqual
    /// `a > b` as 1 or 0.
    case greater
    /// `a >= b` as 1 or 0.
    case greaterEqual
    /// The smaller of `a` and `b` (NaN if either is NaN).
    case minimum
    /// The larger of `a` and `b` (NaN if either is NaN).
    case maximum

    /// Applies the operation to two scalars.
    @inline(__always)
    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .floorDivide: return BinaryOperation.flooredQuotient(a, b)
        case .remainder: return BinaryOperation.flooredRemainder(a, b)
        case .power: return Foundation.pow(a, b)
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .less: return a < b ? 1 : 0
        case .lessEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterEqual: return a >= b ? 1 : 0
        case .minimum: return a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        case .maximum: return a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        }
    }

    /// numpy's `np.floor_divide` on floats (its `npy_divmod`): `(a - fmod(a, b)) / b`, moved
    /// down one where the remainder's sign differs from the divisor's, then snapped to the
    /// nearest whole number, so that `a == (a // b) * b + a % b` as closely as Doubles allow
    /// (`floor(a / b)` is not: the division rounds). A zero divisor gives `a / b` (±inf, NaN).
    public static func flooredQuotient(_ a: Double, _ b: Double) -> Double {
        guard b != 0 else { return a / b }
        let remainder = fmod(a, b)
        var quotient = (a - remainder) / b
        if remainder != 0, (b < 0) != (remainder < 0) { quotient -= 1 }
        guard quotient != 0 else { return copysign(0, a / b) }
        let floored = floor(quotient)
        return quotient - floored > 0.5 ? floored + 1 : floored
    }

    /// numpy's `np.remainder`: `fmod` moved into the divisor's sign; NaN for a zero divisor.
    public static func flooredRemainder(_ a: Double, _ b: Double) -> Double {
        let truncated = fmod(a, b)
        if truncated != 0, (truncated < 0) != (b < 0) { return truncated + b }
        // A zero result takes the divisor's sign, as numpy's does (-0.0 for a negative divisor).
        return truncated == 0 ? (b < 0 ? -0.0 : 0.0) : truncated
    }
}
