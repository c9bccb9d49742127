import Tensors

/// What statements need at run time: loop items, interrupt checks, user-function calls.
extension Evaluator {
    /// The items a `for` loop walks over `value`, or a TypeError when it is not iterable.
    func iterationItems(_ value: Value, at range: SourceRange) throws -> IterationItems {
        switch value {
        case .tuple(let items), .list(let items): return .values(items)
        case .tensor(let tensor) where tensor.rank == 1: return .numbers(tensor.scalars)
        case .tensor(let tensor) where tensor.rank > 1: return .slices(tensor)
        case .string(let text): return .values(text.map { .string(String($0)) })
        default:
            throw RuntimeError.notIterable(value, at: range)
        }
    }

    /// The `index`th item along the first axis of `tensor`.
    func slice(_ tensor: Tensor, at index: Int, range: SourceRange) throws -> Value {
        Value(tensor: try catchingTensorErrors(at: range) { try tensor.subscripted([.index(index)], control: control) })
    }

    /// Stops the cell when its session was asked to (the same flag its tensor operations check).
    func checkInterrupt(at range: SourceRange?) throws {
        if control.isInterruptRequested {
            throw RuntimeError(TensorError.interrupted, at: range)
        }
    }
}
