import Tensors

/// The value of `range(...)`: evenly spaced numbers, computed when needed rather than stored
/// (a loop over `range(10**9)` allocates nothing). It counts exactly as `arange` does.
public struct NumberRange: Sendable, Equatable {
    /// The first number.
    public let start: Double
    /// The bound, not included.
    public let stop: Double
    /// The step as written.
    public let step: Double
    /// How many numbers there are.
    public let count: Int
    /// The distance between neighbours as numpy computes it, `(start + step) - start`.
    let delta: Double

    /// The numbers from `start` up to (not including) `stop` by `step`; the errors are
    /// `arange`'s, naming `range`.
    public init(start: Double, stop: Double, step: Double) throws {
        (count, delta) = try Tensor.arangeLayout(start, stop, step: step, function: "range")
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The `index`th number (0 ≤ index < count).
    subscript(index: Int) -> Double { start + Double(index) * delta }

    /// Every number, in order.
    var values: [Double] { (0..<count).map { self[$0] } }

    /// How the range reads back: `range(0, 5)`, `range(0, 10, step: 2)`.
    var text: String {
        let bounds = "range(\(Value.format(start)), \(Value.format(stop))"
        return step == 1 ? bounds + ")" : bounds + ", step: \(Value.format(step)))"
    }
}
