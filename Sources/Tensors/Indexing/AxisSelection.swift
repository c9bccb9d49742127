/// What one subscript component selects along one axis: `count` positions from `start`
/// in steps of `step`, and whether the axis survives in the result.
struct AxisSelection: Equatable {
    /// The first selected position.
    var start: Int
    /// The distance between selected positions (never 0).
    var step: Int
    /// How many positions are selected.
    var count: Int
    /// Whether the axis is dropped (a plain index) rather than kept (a slice).
    var dropsAxis: Bool

    /// Resolves `component` against an axis of `size`, with numpy/Python semantics.
    init(_ component: TensorIndex, axis: Int, size: Int) throws {
        switch component {
        case .index(let index):
            let position = index < 0 ? index + size : index
            guard position >= 0, position < size else {
                throw TensorError.indexOutOfRange("index \(index) is out of range for axis \(axis) with size \(size)")
            }
            self.init(start: position, step: 1, count: 1, dropsAxis: true)
        case .slice(let start, let stop, let step):
            let step = step ?? 1
            guard step != 0 else { throw TensorError.invalidArgument("slice step cannot be zero") }
            let first = AxisSelection.adjust(start, size: size, step: step, isStart: true)
            let end = AxisSelection.adjust(stop, size: size, step: step, isStart: false)
            let count: Int
            if step > 0 {
                count = first < end ? (end - first - 1) / step + 1 : 0
            } else {
                count = end < first ? (first - end - 1) / (-step) + 1 : 0
            }
            self.init(start: first, step: step, count: count, dropsAxis: false)
        }
    }

    private init(start: Int, step: Int, count: Int, dropsAxis: Bool) {
        self.start = start
        self.step = step
        self.count = count
        self.dropsAxis = dropsAxis
    }

    // CPython's PySlice_AdjustIndices: clamp into the axis, with -1 meaning "before the start"
    // when walking backwards.
    private static func adjust(_ bound: Int?, size: Int, step: Int, isStart: Bool) -> Int {
        guard var value = bound else {
            if step > 0 { return isStart ? 0 : size }
            return isStart ? size - 1 : -1
        }
        if value < 0 {
            value = value < -size ? -size - 1 : value
            value += size
            if value < 0 { value = step < 0 ? -1 : 0 }
        } else if value >= size {
            value = step < 0 ? size - 1 : size
        }
        return value
    }
}
