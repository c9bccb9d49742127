import Tensors

/// Element assignment into a tensor or list held by a variable: `x[i, j] = e`.
extension Evaluator {
    /// Assigns into `container`; on error it keeps its value.
    func store(_ value: Value, into container: inout Value, at indices: [IndexValue], range: SourceRange) throws {
        if case .tensor = container {
            // Not a `switch` case: the switch would hold a second reference to the tensor.
            try storeIntoTensor(value, container: &container, at: indices, range: range)
            return
        }
        switch container {
        case .list(let items):
            guard indices.count == 1, case .position(let position) = indices[0] else {
                throw RuntimeError.listElementAssignment(at: range)
            }
            var updated = items
            updated[try SequenceIndexing.position(position, count: items.count, at: range)] = value
            container = try Value.list(updated).checkedNesting(at: range)
        default:
            throw RuntimeError.notAssignable(container, at: range)
        }
    }

    private func storeIntoTensor(_ value: Value, container: inout Value, at indices: [IndexValue], range: SourceRange) throws {
        guard let source = BoundArguments.tensor(from: value) else {
            throw RuntimeError.notStorable(value, at: range)
        }
        // Moving the tensor out of the container (and consuming the temporary) leaves its
        // storage uniquely referenced, so the assignment mutates in place instead of copying
        // every element.
        var taken = Value.none
        swap(&taken, &container)
        if case .tensor(var tensor) = consume taken {
            defer { container = .tensor(tensor) }
            let components = tensorIndices(indices)
            try catchingTensorErrors(at: range) { try tensor.assign(source, at: components) }
        }
    }
}
