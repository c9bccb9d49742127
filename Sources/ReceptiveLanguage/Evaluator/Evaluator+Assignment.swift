import Tensors

/// Element assignment into a tensor or list held by a variable: `x[i, j] = e`.
extension Evaluator {
    /// Assigns into `container`; on error it keeps its value.
    func store(_ value: Value, into container: inout Value, at indices: [IndexValue], range: SourceRange) throws {
        if container.isTracedValue || (value.isTracedValue && Evaluator.isTensor(container)) {
            container = try tracedStore(value, into: container, at: indices, range: range)
            return
        }
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
        if case .number(let number) = value, let positions = Evaluator.elementPositions(indices, rank: Evaluator.rank(of: container)) {
            try changeTensor(in: &container, at: range) { try $0.setElement(number, at: positions) }
            return
        }
        guard let source = BoundArguments.tensor(from: value) else {
            throw RuntimeError.notStorable(value, at: range)
        }
        let components = tensorIndices(indices)
        try changeTensor(in: &container, at: range) { try $0.assign(source, at: components, control: control) }
    }

    /// Runs `change` on the tensor `container` holds. Moving the tensor out of the container
    /// (and consuming the temporary) leaves its storage uniquely referenced, so the change
    /// mutates it in place instead of copying every element.
    private func changeTensor(in container: inout Value, at range: SourceRange, _ change: (inout Tensor) throws -> Void) throws {
        var taken = Value.none
        swap(&taken, &container)
        if case .tensor(var tensor) = consume taken {
            defer { container = .tensor(tensor) }
            try catchingTensorErrors(at: range) { try change(&tensor) }
        }
    }

    private static func isTensor(_ value: Value) -> Bool {
        if case .tensor = value { return true }
        return false
    }

    private static func rank(of value: Value) -> Int {
        if case .tensor(let tensor) = value { return tensor.rank }
        return 0
    }
}
