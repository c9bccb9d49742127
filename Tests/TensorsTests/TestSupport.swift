import Testing
@testable import Tensors

/// Builds a tensor for tests; shapes are written by hand, so a mismatch is a test bug.
func makeTensor(_ shape: [Int], _ scalars: [Double]) -> Tensor {
    Tensor(validatedShape: shape, scalars: scalars)
}

/// `0, 1, 2, …` in `shape`, like `np.arange(n).reshape(shape)`.
func arangeTensor(_ shape: [Int]) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(validatedShape: shape, scalars: (0..<count).map(Double.init))
}

/// Elementwise closeness with absolute tolerance `tolerance`; shapes must agree exactly.
func isClose(_ actual: Tensor, _ expectedShape: [Int], _ expected: [Double], tolerance: Double = 1e-12) -> Bool {
    guard actual.shape == expectedShape, actual.scalars.count == expected.count else { return false }
    return zip(actual.scalars, expected).allSatisfy { a, e in
        (a.isNaN && e.isNaN) || a == e || abs(a - e) <= tolerance * Swift.max(1, abs(e))
    }
}

extension ExecutionControl {
    /// A new control with the default cap and no interrupt pending, for an operation whose test
    /// neither interrupts nor changes the cap; no two uses share one.
    static var fresh: ExecutionControl { ExecutionControl() }
}

/// One decode of a mutated file, for the file fuzz tests: the file either decodes to a
/// consistent tensor (returned) or is refused (nil) with an io error naming the file or a limit
/// error; a trap or any other error fails the test.
func decodeOrRefuse(_ fileName: String, _ decode: () throws -> Tensor) throws -> Tensor? {
    do {
        let tensor = try decode()
        #expect(tensor.count == tensor.shape.reduce(1, *))
        return tensor
    } catch TensorError.io(let message) {
        #expect(message.hasPrefix(fileName))
        return nil
    } catch TensorError.limitExceeded {
        return nil
    }
}
