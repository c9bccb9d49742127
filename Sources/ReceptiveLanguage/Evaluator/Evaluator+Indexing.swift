import Tensors
import WholeNumbers

/// Subscripts: `t[i, a:b:s]` on tensors, and `l[i]`, `l[a:b]` on lists, tuples and strings.
extension Evaluator {
    /// `value` as a whole number for `role` ("an index", "a slice bound"), or a TypeError.
    func wholeNumber(_ value: Value, at range: SourceRange, role: String) throws -> Int {
        guard case .number(let number) = value, let whole = number.wholeNumber else {
            throw RuntimeError.notWholeNumber(value, role: role, at: range)
        }
        return whole
    }

    /// The positions when `indices` name one element of a tensor of `rank` (a plain index per
    /// axis), which is read or written without building a view; nil otherwise.
    static func elementPositions(_ indices: [IndexValue], rank: Int) -> [Int]? {
        guard indices.count == rank, rank > 0 else { return nil }
        var positions: [Int] = []
        positions.reserveCapacity(rank)
        for index in indices {
            guard case .position(let position) = index else { return nil }
            positions.append(position)
        }
        return positions
    }

    func tensorIndices(_ indices: [IndexValue]) -> [TensorIndex] {
        indices.map { index in
            switch index {
            case .position(let position): return .index(position)
            case .slice(let start, let stop, let step): return .slice(start: start, stop: stop, step: step)
            }
        }
    }

    func subscripted(_ container: Value, _ indices: [IndexValue], at range: SourceRange) throws -> Value {
        switch container {
        case .tensor(let tensor):
            if let positions = Evaluator.elementPositions(indices, rank: tensor.rank) {
                return .number(try catchingTensorErrors(at: range) { try tensor.element(at: positions) })
            }
            let components = tensorIndices(indices)
            return Value(tensor: try catchingTensorErrors(at: range) {
                try tensor.subscripted(components, control: control)
            })
        case .traced(let traced):
            return try tracedSubscript(traced, indices, at: range)
        case .sparse(let matrix):
            let components = tensorIndices(indices)
            return Value(tensor: try catchingTensorErrors(at: range) {
                try matrix.subscripted(components, control: control)
            })
        case .list(let items):
            return try sequence(items, indices, at: range, rebuild: Value.list)
        case .tuple(let items):
            return try sequence(items, indices, at: range, rebuild: Value.tuple)
        case .range(let numbers):
            return try element(of: numbers, indices, at: range)
        case .string(let text):
            return try characters(of: text, indices, at: range)
        default:
            throw RuntimeError.notIndexable(container, at: range)
        }
    }

    /// A character or a slice of a string, found by walking the string's own indices: a
    /// contiguous slice is one copy of a substring, and no value is made per character (boxing
    /// each character of a ten-million-character string took seconds, past an interrupt). A
    /// stepped slice visits its characters one by one and checks for an interrupt as it goes.
    private func characters(of text: String, _ indices: [IndexValue], at range: SourceRange) throws -> Value {
        guard indices.count == 1 else {
            throw RuntimeError.sequenceTakesOneIndex(found: indices.count, at: range)
        }
        let count = text.count
        switch indices[0] {
        case .position(let position):
            let offset = try SequenceIndexing.position(position, count: count, at: range)
            return .string(String(text[text.index(text.startIndex, offsetBy: offset)]))
        case .slice(let start, let stop, let step):
            let bounds = try SequenceIndexing.selection(start: start, stop: stop, step: step, count: count, at: range)
            guard bounds.step > 0 ? bounds.first < bounds.end : bounds.first > bounds.end else { return .string("") }
            if bounds.step == 1 {
                let lower = text.index(text.startIndex, offsetBy: bounds.first)
                return .string(String(text[lower..<text.index(lower, offsetBy: bounds.end - bounds.first)]))
            }
            var result = ""
            var index = text.index(text.startIndex, offsetBy: bounds.first)
            var offset = bounds.first
            for (taken, wanted) in stride(from: bounds.first, to: bounds.end, by: bounds.step).enumerated() {
                if taken % 65_536 == 65_535 { try control.checkInterrupt() }
                index = text.index(index, offsetBy: wanted - offset)
                offset = wanted
                result.append(text[index])
            }
            return .string(result)
        }
    }

    private func sequence(_ items: [Value], _ indices: [IndexValue], at range: SourceRange,
                          rebuild: ([Value]) -> Value) throws -> Value {
        guard indices.count == 1 else {
            throw RuntimeError.sequenceTakesOneIndex(found: indices.count, at: range)
        }
        switch indices[0] {
        case .position(let position):
            return items[try SequenceIndexing.position(position, count: items.count, at: range)]
        case .slice(let start, let stop, let step):
            let selected = try SequenceIndexing.indices(start: start, stop: stop, step: step, count: items.count, at: range)
            return rebuild(selected.map { items[$0] })
        }
    }

    /// `r[i]` is a range's number; a slice of a range is a vector of its numbers.
    private func element(of numbers: NumberRange, _ indices: [IndexValue], at range: SourceRange) throws -> Value {
        guard indices.count == 1 else {
            throw RuntimeError.sequenceTakesOneIndex(found: indices.count, at: range)
        }
        switch indices[0] {
        case .position(let position):
            return .number(numbers[try SequenceIndexing.position(position, count: numbers.count, at: range)])
        case .slice(let start, let stop, let step):
            try catchingTensorErrors(at: range) { try control.checkAllocation(numbers.count) }
            let selected = try SequenceIndexing.indices(start: start, stop: stop, step: step, count: numbers.count, at: range)
            return .tensor(Tensor(vector: selected.map { numbers[$0] }))
        }
    }
}
