import Foundation

/// A reduction over all elements or along one axis, named as the language names it.
public enum Reduction: String, Sendable, CaseIterable {
    /// The sum (0 for no elements).
    case sum
    /// The arithmetic mean (NaN for no elements).
    case mean
    /// The smallest element.
    case min
    /// The largest element.
    case max
    /// The index of the first largest element.
    case argmax
    /// The index of the first smallest element.
    case argmin
    /// The Euclidean norm √(Σ x²).
    case norm

    /// A one-line description for `help`.
    public var summary: String {
        switch self {
        case .sum: return "Sum of the elements, or along axis (the axis is removed)."
        case .mean: return "Arithmetic mean of the elements, or along axis."
        case .min: return "Smallest element, or along axis (NaN if any element is NaN)."
        case .max: return "Largest element, or along axis (NaN if any element is NaN)."
        case .argmax: return "Index of the largest element (a flat index without axis, as in numpy)."
        case .argmin: return "Index of the smallest element (a flat index without axis, as in numpy)."
        case .norm: return "Euclidean (Frobenius) norm of all elements, or of each line along axis."
        }
    }

    /// Whether an empty input has a defined result (numpy: sum 0, mean NaN, norm 0).
    var acceptsEmpty: Bool { self == .sum || self == .mean || self == .norm }

    /// Turns the sum of the terms (elements, or their squares for the norm) over `count`
    /// elements into the reduction's result.
    func finish(_ total: Double, count: Int) -> Double {
        switch self {
        case .mean: return total / Double(count)
        case .norm: return total.squareRoot()
        default: return total
        }
    }

    /// Reduces the `count` values at `values[base...]`, on this thread.
    func reduce(_ values: UnsafeBufferPointer<Double>, base: Int, count: Int) -> Double {
        switch self {
        case .sum, .mean, .norm:
            guard count > 0, let start = values.baseAddress else { return finish(0, count: count) }
            return finish(PairwiseSum.sum(start + base, count: count, term), count: count)
        case .min, .max, .argmin, .argmax:
            var best = values[base]
            var bestIndex = 0
            let wantsLarger = self == .max || self == .argmax
            for i in 1..<Swift.max(count, 1) {
                let value = values[base + i]
                if best.isNaN { break }
                if value.isNaN || (wantsLarger ? value > best : value < best) {
                    best = value
                    bestIndex = i
                }
            }
            return self == .min || self == .max ? best : Double(bestIndex)
        }
    }

    /// What the sum-like reductions add up for each element.
    var term: PairwiseSum.Term { self == .norm ? .square : .identity }
}
