import Foundation

/// An elementwise operation on two tensors, applied with numpy broadcasting.
///
/// `remainder` is floored (Python's and numpy's `%`: the sign follows the divisor);
/// comparisons give 1.0 for true and 0.0 for false; `minimum`/`maximum` propagate NaN as numpy does.
public enum BinaryOperation: Sendable {
    case add, subtract, multiply, divide, remainder, power
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case minimum, maximum

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
