import Tensors

extension Value {
    /// Wraps a tensor result, unwrapping rank 0 to a number as numpy does for scalars.
    public init(tensor: Tensor) {
        if tensor.rank == 0, let scalar = tensor.scalars.first {
            self = .number(scalar)
        } else {
            self = .tensor(tensor)
        }
    }

    /// Whether two values are equal as `==` on non-numeric values sees them: same kind and
    /// same contents; functions and plots are equal only to themselves.
    static func structurallyEqual(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.none, .none): return true
        case (.tensor(let a), .tensor(let b)): return a == b
        case (.tuple(let a), .tuple(let b)), (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { structurallyEqual($0, $1) }
        case (.record(let a), .record(let b)):
            return a.typeName == b.typeName && a.fields.count == b.fields.count
                && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && structurallyEqual($0.value, $1.value) }
        case (.function(let a), .function(let b)): return a === b
        case (.plot(let a), .plot(let b)): return a == b
        case (.layer(let a), .layer(let b)): return a === b
        case (.model(let a), .model(let b)): return a === b
        case (.optimizer(let a), .optimizer(let b)): return a === b
        case (.sparse(let a), .sparse(let b)): return a == b
        case (.range(let a), .range(let b)): return a == b
        case (.control(let a), .control(let b)): return a === b
        case (.traced, _), (_, .traced): return structurallyEqual(lhs.constant, rhs.constant)
        default: return false
        }
    }
}

extension Value {
    /// The deepest nesting of lists, tuples and records a value may have. Deeper values would
    /// make rendering, comparison and even deallocation recurse past the stack.
    static let maximumNesting = 256

    /// How many containers deep the value goes (0 for a plain value).
    var nestingDepth: Int {
        switch self {
        case .tuple(let items), .list(let items): return 1 + (items.map(\.nestingDepth).max() ?? 0)
        case .record(let record): return 1 + (record.fields.map(\.value.nestingDepth).max() ?? 0)
        default: return 0
        }
    }

    /// The value itself, or a LimitError when it is nested too deeply.
    func checkedNesting(at range: SourceRange?) throws -> Value {
        let depth = nestingDepth
        guard depth <= Value.maximumNesting else {
            throw RuntimeError.nestedTooDeeply(depth, limit: Value.maximumNesting, at: range)
        }
        return self
    }
}
