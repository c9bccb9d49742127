/// Python indexing and slicing of lists, tuples and strings.
enum SequenceIndexing {
    /// The element index for `position` (negative counts from the end), or an IndexError.
    static func position(_ position: Int, count: Int, at range: SourceRange?) throws -> Int {
        let resolved = position < 0 ? position + count : position
        guard resolved >= 0 && resolved < count else {
            throw RuntimeError.sequenceIndex(position, count: count, at: range)
        }
        return resolved
    }

    /// The element indices a slice selects, as Python's `slice.indices` computes them.
    static func indices(start: Int?, stop: Int?, step: Int?, count: Int, at range: SourceRange?) throws -> [Int] {
        let bounds = try selection(start: start, stop: stop, step: step, count: count, at: range)
        return Array(stride(from: bounds.first, to: bounds.end, by: bounds.step))
    }

    /// The same indices as bounds, for sequences too long to list them (strings): from `first`
    /// by `step` up to (or down to) `end`, exclusive.
    static func selection(start: Int?, stop: Int?, step: Int?, count: Int,
                          at range: SourceRange?) throws -> (first: Int, end: Int, step: Int) {
        let step = step ?? 1
        guard step != 0 else { throw RuntimeError.zeroStep(at: range) }
        func clamp(_ bound: Int?, _ fallback: Int) -> Int {
            guard let bound else { return fallback }
            let resolved = bound < 0 ? bound + count : bound
            return step > 0 ? min(max(resolved, 0), count) : min(max(resolved, -1), count - 1)
        }
        let first = clamp(start, step > 0 ? 0 : count - 1)
        let last = clamp(stop, step > 0 ? count : -1)
        return (first, last, step)
    }
}
