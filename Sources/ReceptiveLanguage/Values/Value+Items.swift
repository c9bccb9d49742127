import Tensors

extension Value {
    /// The items a `for` loop over the value sees, in order: a vector's numbers, a tensor's
    /// slices along its first axis, a list's or tuple's items, a string's characters, a
    /// range's numbers; nil for values without items (numbers, records, functions...).
    func items(control: ExecutionControl) throws -> [Value]? {
        switch self {
        case .tensor(let tensor) where tensor.rank == 1:
            return tensor.scalars.map { .number($0) }
        case .tensor(let tensor) where tensor.rank > 1:
            return try (0..<tensor.shape[0]).map { Value(tensor: try tensor.subscripted([.index($0)], control: control)) }
        case .list(let items), .tuple(let items):
            return items
        case .string(let text):
            return text.map { .string(String($0)) }
        case .range(let numbers):
            try control.checkAllocation(numbers.count)
            return numbers.values.map { .number($0) }
        default:
            return nil
        }
    }
}
