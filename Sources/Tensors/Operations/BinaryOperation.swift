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

    /// numpy's `np.remainder`: `fmod` moved into the divisor's sign; NaN for a zero divisor.
    static func flooredRemainder(_ a: Double, _ b: Double) -> Double {
        let truncated = fmod(a, b)
        if truncated != 0, (truncated < 0) != (b < 0) { return truncated + b }
        // A zero result takes the divisor's sign, as numpy's does (-0.0 for a negative divisor).
        return truncated == 0 ? (b < 0 ? -0.0 : 0.0) : truncated
    }
}
