import Tensors

/// `x = e`, `x op= e` and `x[i, j] = e`.
extension Evaluator {
    func assign(_ target: AssignmentTarget, operation: BinaryOperator?, value expression: Expression) throws {
        let value = try evaluate(expression)
        switch target {
        case .variable(let name, let range):
            guard let operation else {
                define(name, value)
                return
            }
            let current = try variable(name, at: range)
            define(name, try combine(current, operation, value, at: range.merged(with: expression.range)))
        case .subscripted(let name, let components, let range):
            let indices = try indexComponents(components)
            var assigned = value
            if let operation {
                let current = try subscripted(try variable(name, at: range), indices, at: range)
                assigned = try combine(current, operation, value, at: range.merged(with: expression.range))
            }
            try storeElements(of: name, assigned, at: indices, range: range)
        }
    }

    /// Writes into the container held by `name` in place, in the scope that holds it (as in
    /// Python, `x[i] = v` in a function changes a global `x`).
    private func storeElements(of name: String, _ value: Value, at indices: [IndexValue], range: SourceRange) throws {
        let isLocal = frames.last?[name] != nil
        guard isLocal || globals[name] != nil else {
            // Undefined (NameError) or a builtin (TypeError from store).
            var container = try variable(name, at: range)
            try store(value, into: &container, at: indices, range: range)
            return
        }
        // Taking the container out of its scope leaves the tensor's storage uniquely referenced,
        // so assigning one element does not copy the whole tensor.
        var container = (isLocal ? frames[frames.count - 1].removeValue(forKey: name) : globals.removeValue(forKey: name)) ?? .none
        defer {
            if isLocal { frames[frames.count - 1][name] = container } else { globals[name] = container }
        }
        try store(value, into: &container, at: indices, range: range)
    }

    /// Looks up a variable or throws a NameError suggesting the nearest defined name.
    func variable(_ name: String, at range: SourceRange) throws -> Value {
        if let value = lookup(name) { return value }
        let candidates = (frames.last.map { Array($0.keys) } ?? []) + visibleNames
        throw RuntimeError.undefinedName(name, suggestion: NameSuggestion.nearest(to: name, among: candidates), at: range)
    }

    /// Assigns into `container`; on error it keeps its value.
    private func store(_ value: Value, into container: inout Value, at indices: [IndexValue], range: SourceRange) throws {
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
