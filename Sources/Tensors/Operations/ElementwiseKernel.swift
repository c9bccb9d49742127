/// The loop behind `combined`: one pass over a result that is not zero-filled first, in runs
/// along the result's memory order handed to the vector kernels (`VectorKernel.combine`),
/// split over the cores when the result is large.
///
/// Axes that are contiguous in both operands are merged first, so a whole result is usually
/// one run (both operands contiguous, or one a single element) and otherwise one run per row
/// of the last axis (`x + y[0]`: each row of x with the same row y[0]).
enum ElementwiseKernel {
    /// `operation` over operand storages read run by run as `layout` says, for every position
    /// of `shape` in the order of the result's storage, laid out in `axisOrder`.
    static func combine(_ left: [Double], _ right: [Double], _ layout: RunLayout, shape: [Int], axisOrder: [Int]?,
                        count: Int, _ operation: BinaryOperation, control: ExecutionControl) throws -> Tensor {
        let kernel = VectorKernel.best
        return try left.withUnsafeBufferPointer { a in
            try right.withUnsafeBufferPointer { b in
                try Tensor(uninitializedShape: shape, count: count, axisOrder: axisOrder) { c in
                    // A non-empty result has non-empty operands.
                    guard let a = a.baseAddress, let b = b.baseAddress else { return }
                    let (length, leftStep, rightStep) = (layout.runLength, layout.leftStep, layout.rightStep)
                    if layout.runs == 1 {
                        try ElementChunks.run(String(describing: operation), count: count, costPerElement: operation.cost, control: control) { range in
                            kernel.combine(operation, a + range.lowerBound * leftStep, step: leftStep,
                                           b + range.lowerBound * rightStep, step: rightStep,
                                           into: c + range.lowerBound, count: range.count)
                        }
                        return
                    }
                    try ElementChunks.run(String(describing: operation), count: layout.runs, costPerElement: operation.cost * length,
                                          control: control) { runs in
                        var walker = layout.walker(startingAt: runs.lowerBound)
                        for run in runs {
                            kernel.combine(operation, a + walker.left, step: leftStep, b + walker.right, step: rightStep,
                                           into: c + run * length, count: length)
                            walker.advance()
                        }
                    }
                }
            }
        }
    }
}

extension ElementwiseKernel {
    /// `operation` over one run: `shape`'s elements from two operand storages that are each
    /// contiguous (step 1, as many elements as the result) or a single element (step 0); the
    /// result is laid out in `axisOrder`, as the contiguous operands are. The shape's count is
    /// within the cap: it is an operand's own.
    static func combine(_ left: [Double], step leftStep: Int, _ right: [Double], step rightStep: Int,
                        shape: [Int], axisOrder: [Int]?, _ operation: BinaryOperation,
                        control: ExecutionControl) throws -> Tensor {
        let count = leftStep == 1 ? left.count : right.count
        let kernel = VectorKernel.best
        return try left.withUnsafeBufferPointer { a in
            try right.withUnsafeBufferPointer { b in
                try Tensor(uninitializedShape: shape, count: count, axisOrder: axisOrder) { c in
                    guard let a = a.baseAddress, let b = b.baseAddress else { return }
                    try ElementChunks.run(String(describing: operation), count: count, costPerElement: operation.cost,
                                          control: control) { range in
                        kernel.combine(operation, a + range.lowerBound * leftStep, step: leftStep,
                                       b + range.lowerBound * rightStep, step: rightStep,
                                       into: c + range.lowerBound, count: range.count)
                    }
                }
            }
        }
    }
}

extension ElementwiseKernel {
    /// `operation` over a row-major result of `shape` whose rows (`length` elements each) pair a
    /// row of the full operand with the one row of the repeated operand (`leftRepeats` says
    /// which is which): `x + y[0]`, a bias added to every row.
    static func combineRows(_ left: [Double], _ right: [Double], leftRepeats: Bool, shape: [Int], length: Int,
                            _ operation: BinaryOperation, control: ExecutionControl) throws -> Tensor {
        let count = leftRepeats ? right.count : left.count
        let rows = count / length
        let (leftRowStep, rightRowStep) = leftRepeats ? (0, length) : (length, 0)
        let kernel = VectorKernel.best
        return try left.withUnsafeBufferPointer { a in
            try right.withUnsafeBufferPointer { b in
                try Tensor(uninitializedShape: shape, count: count, axisOrder: nil) { c in
                    guard let a = a.baseAddress, let b = b.baseAddress else { return }
                    try ElementChunks.run(String(describing: operation), count: rows,
                                          costPerElement: operation.cost * length, control: control) { range in
                        kernel.combineRows(operation, a + range.lowerBound * leftRowStep, rowStep: leftRowStep,
                                           b + range.lowerBound * rightRowStep, rowStep: rightRowStep,
                                           into: c + range.lowerBound * length, rows: range.count, length: length)
                    }
                }
            }
        }
    }
}

extension BinaryOperation {
    /// The relative cost of one element, in `ParallelLoop`'s units (libm's fmod and the
    /// double-double logarithm of pow are an order of magnitude above an add).
    var cost: Int {
        switch self {
        case .power, .remainder: return 16
        case .divide: return 2
        default: return 1
        }
    }
}

/// How a broadcast result decomposes into runs along memory order: the result's axes with
/// adjacent axes merged wherever both operands step through them contiguously, the last
/// (merged) axis being one run.
struct RunLayout {
    /// The merged extents of the axes outside the run, outermost first.
    private(set) var outer: [Int] = []
    /// The operands' strides along those axes.
    private(set) var leftOuter: [Int] = []
    private(set) var rightOuter: [Int] = []
    /// Elements per run.
    private(set) var runLength = 1
    /// Each operand's step within a run: 1 (contiguous) or 0 (one element repeated).
    private(set) var leftStep = 0
    private(set) var rightStep = 0
    /// Whether runs are whole rows of the innermost (merged) axis, each operand stepping 0 or 1
    /// along it; false when an operand is strided there and every run is one element.
    private(set) var hasVectorRuns = true

    /// The number of runs.
    var runs: Int { outer.reduce(1, *) }

    init(shape: [Int], left: [Int], right: [Int]) {
        // Axes of extent 1 are never stepped along; drop them. Then merge axis i into the axis
        // after it when both operands' strides continue across the boundary.
        var axes: [(extent: Int, left: Int, right: Int)] = []
        for axis in shape.indices where shape[axis] != 1 {
            let next = (extent: shape[axis], left: left[axis], right: right[axis])
            if let last = axes.last, last.left == next.left * next.extent, last.right == next.right * next.extent {
                axes[axes.count - 1] = (last.extent * next.extent, next.left, next.right)
            } else {
                axes.append(next)
            }
        }
        guard let inner = axes.last else { return }
        // A run's step must be 0 or 1 for the vector kernels; an inner axis with another stride
        // (an operand laid out otherwise than the result; callers avoid it) becomes runs of one
        // element.
        if (inner.left == 0 || inner.left == 1) && (inner.right == 0 || inner.right == 1) {
            runLength = inner.extent
            leftStep = inner.left
            rightStep = inner.right
            axes.removeLast()
        } else {
            hasVectorRuns = false
        }
        outer = axes.map(\.extent)
        leftOuter = axes.map(\.left)
        rightOuter = axes.map(\.right)
    }

    /// A walker at the start of run `run`.
    func walker(startingAt run: Int) -> Walker {
        var walker = Walker(layout: self, counter: [Int](repeating: 0, count: outer.count))
        var rest = run
        for axis in outer.indices.reversed() {
            let position = rest % outer[axis]
            rest /= outer[axis]
            walker.counter[axis] = position
            walker.left += position * leftOuter[axis]
            walker.right += position * rightOuter[axis]
        }
        return walker
    }

    /// The operands' offsets at the start of successive runs.
    struct Walker {
        let layout: RunLayout
        var counter: [Int]
        var left = 0
        var right = 0

        init(layout: RunLayout, counter: [Int]) {
            self.layout = layout
            self.counter = counter
        }

        /// Moves to the next run (row-major over the outer axes).
        mutating func advance() {
            var axis = counter.count - 1
            while axis >= 0 {
                counter[axis] += 1
                left += layout.leftOuter[axis]
                right += layout.rightOuter[axis]
                if counter[axis] < layout.outer[axis] { return }
                left -= layout.leftOuter[axis] * layout.outer[axis]
                right -= layout.rightOuter[axis] * layout.outer[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }
}
