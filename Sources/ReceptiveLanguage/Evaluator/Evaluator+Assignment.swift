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
            let container = try variable(name, at: range)
            let indices = try indexComponents(components)
            var assigned = value
            if let operation {
                let current = try subscripted(container, indices, at: range)
                assigned = try combine(current, operation, value, at: range.merged(with: expression.range))
            }
            define(name, try storing(assigned, into: container, at: indices, range: range))
        }
    }

    /// Looks up a variable or throws a NameError suggesting the nearest defined name.
    func variable(_ name: String, at range: SourceRange) throws -> Value {
        if let value = lookup(name) { return value }
        var message = "name '\(name)' is not defined"
        let candidates = Array(frames.last?.keys ?? [:].keys) + visibleNames
        if let suggestion = NameSuggestion.nearest(to: name, among: candidates) {
            message += "; did you mean '\(suggestion)'?"
        }
        throw RuntimeError(.name, message, at: range)
    }

    private func storing(_ value: Value, into container: Value, at indices: [IndexValue], range: SourceRange) throws -> Value {
        switch container {
        case .tensor(var tensor):
            guard let source = BoundArguments.tensor(from: value) else {
                throw RuntimeError(.type, "cannot store \(value.typeDescription) into a tensor; expected a number or a tensor", at: range)
            }
            let components = tensorIndices(indices)
            try catchingTensorErrors(at: range) { try tensor.assign(source, at: components) }
            return .tensor(tensor)
        case .list(var items):
            guard indices.count == 1, case .position(let position) = indices[0] else {
                throw RuntimeError(.type, "a list element is assigned with one whole-number index, like l[0] = v", at: range)
            }
            items[try SequenceIndexing.position(position, count: items.count, at: range)] = value
            return try Value.list(items).checkedNesting(at: range)
        default:
            throw RuntimeError(.type, "cannot assign into elements of \(container.typeDescription); expected a tensor or a list",
                               at: range)
        }
    }
}
