import Testing
import Tensors
@testable import Learning

/// Finite-difference checks of the backward rules: no reference implementation needed.
///
/// The central difference (f(x + h) − f(x − h)) / 2h differs from the derivative by h²·f‴/6
/// (truncation) plus about ε·|f|/h (rounding of the two evaluations, ε = 2^-52). With h = 1e-6
/// and the smooth, order-1 functions below (inputs kept away from kinks), truncation is near
/// 1e-13 and rounding near 1e-10·|f|; a tolerance of 1e-6·(1 + |derivative|) passes every
/// correct rule with margin and fails any wrong one (a missing factor or a misplaced index
/// changes a derivative by order 1).
enum GradientCheck {
    static let step = 1e-6
    static let tolerance = 1e-6

    /// Compares the tape's gradient of `f` at `inputs` with central differences, input by input.
    static func check(_ inputs: [Tensor], label: String = "", sourceLocation: SourceLocation = #_sourceLocation,
                      _ f: ([TensorOperand], ExecutionControl) throws -> TensorOperand) throws {
        let control = ExecutionControl()
        let tape = Tape(control: control)
        let leaves = inputs.map { tape.leaf($0) }
        let output = try f(leaves.map { .traced($0) }, control)
        guard case .traced(let traced) = output else {
            Issue.record("the function's result is not traced", sourceLocation: sourceLocation)
            return
        }
        let analytic = try tape.gradients(of: traced, withRespectTo: leaves)
        for (index, input) in inputs.enumerated() {
            #expect(analytic[index].shape == input.shape, sourceLocation: sourceLocation)
            for element in 0..<input.count {
                var plus = inputs, minus = inputs
                plus[index].scalars[element] += step
                minus[index].scalars[element] -= step
                let high = try f(plus.map { .plain($0) }, control).value.scalars[0]
                let low = try f(minus.map { .plain($0) }, control).value.scalars[0]
                let numeric = (high - low) / (2 * step)
                let value = analytic[index].scalars[element]
                #expect(abs(value - numeric) <= tolerance * (1 + abs(numeric)),
                        "\(label) input \(index) element \(element): tape \(value), differences \(numeric)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// A reproducible tensor of `shape` with elements in [low, high).
    static func random(_ shape: [Int], seed: UInt64, in range: ClosedRange<Double> = -2...2) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        let count = shape.reduce(1, *)
        let scalars = (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUniform() }
        return try! Tensor(shape: shape, scalars: scalars)
    }

    /// The sum of `y · weights` for fixed pseudo-random weights: a scalar whose gradient with
    /// respect to y is the weights, so that every element of y is checked separately.
    static func project(_ y: TensorOperand, control: ExecutionControl) throws -> TensorOperand {
        let weights = random(y.shape, seed: 99, in: 0.5...1.5)
        return try y.combined(with: .plain(weights), .multiply, control: control).reduced(.sum, control: control)
    }
}
