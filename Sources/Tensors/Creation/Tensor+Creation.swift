import Foundation

extension Tensor {
    /// A tensor of `shape` filled with zeros.
    public static func zeros(_ shape: [Int], control: ExecutionControl) throws -> Tensor {
        try Tensor(repeating: 0, shape: shape, control: control)
    }

    /// A tensor of `shape` filled with ones.
    public static func ones(_ shape: [Int], control: ExecutionControl) throws -> Tensor {
        try Tensor(repeating: 1, shape: shape, control: control)
    }

    /// The `rows`×`columns` identity matrix (ones on the main diagonal).
    public static func eye(_ rows: Int, _ columns: Int? = nil, control: ExecutionControl) throws -> Tensor {
        let columns = columns ?? rows
        guard rows >= 0, columns >= 0 else {
            throw TensorError.invalidArgument("eye needs sizes ≥ 0, found \(rows)×\(columns)")
        }
        var result = try Tensor(repeating: 0, shape: [rows, columns], control: control)
        for index in 0..<Swift.min(rows, columns) { result.scalars[index * columns + index] = 1 }
        return result
    }

    /// `start, start + step, …` up to but excluding `stop`, like `numpy.arange`.
    public static func arange(_ start: Double, _ stop: Double, step: Double = 1,
                              control: ExecutionControl) throws -> Tensor {
        let (count, delta) = try arangeLayout(start, stop, step: step)
        try control.checkAllocation(count)
        return Tensor(validatedShape: [count], scalars: (0..<count).map { start + Double($0) * delta })
    }

    /// How many numbers `arange(start, stop, step:)` has and the distance between them, as
    /// numpy computes them; `function` names the caller in errors (`range` counts the same way
    /// without building a tensor).
    ///
    /// Inlinable, with its errors made out of line: the interpreter counts every `for` over
    /// `range`/`arange` with it, where the call cost more than the loop's setup (callgrind: ~80
    /// instructions of each inner loop of a hand-written correlation).
    @inlinable
    public static func arangeLayout(_ start: Double, _ stop: Double, step: Double,
                                    function: StaticString = "arange") throws -> (count: Int, delta: Double) {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw arangeError(start, stop, step: step, function: function)
        }
        let span = ((stop - start) / step).rounded(.up)
        guard span < 1e18 else { throw arangeError(start, stop, step: step, function: function) }
        // numpy fills with the step as it is represented after one addition, (start + step) - start.
        return (span > 0 ? Int(span) : 0, (start + step) - start)
    }

    /// Why `arangeLayout` refused these arguments.
    @usableFromInline
    static func arangeError(_ start: Double, _ stop: Double, step: Double, function: StaticString) -> TensorError {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            return TensorError.invalidArgument("\(function) needs finite bounds and a non-zero step, found step \(describe(step))")
        }
        return TensorError.limitExceeded("\(function) from \(describe(start)) to \(describe(stop)) in steps of \(describe(step)) has too many elements")
    }

    /// `count` evenly spaced numbers from `start` to `stop` inclusive, like `numpy.linspace`.
    public static func linspace(_ start: Double, _ stop: Double, count: Int,
                                control: ExecutionControl) throws -> Tensor {
        guard count >= 0 else {
            throw TensorError.invalidArgument("linspace needs a count ≥ 0, found \(count)")
        }
        try control.checkAllocation(count)
        let step = (stop - start) / Double(Swift.max(count - 1, 1))
        // numpy computes i·step + start and then pins the last element to `stop` exactly.
        var values = (0..<count).map { Double($0) * step + start }
        if count > 1 { values[count - 1] = stop }
        return Tensor(validatedShape: [count], scalars: values)
    }
}
