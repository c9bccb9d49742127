/// A strided window onto row-major storage: element `(i0, i1, …)` lives at
/// `base + Σ ik·strides[k]`. Slicing, transposing, flipping and broadcasting are all views.
struct StridedView {
    /// The offset of the first element.
    var base: Int
    /// The view's extent along each axis.
    var shape: [Int]
    /// The distance in storage between neighbours along each axis (may be 0 or negative).
    var strides: [Int]

    /// The number of elements the view covers.
    var count: Int { shape.reduce(1, *) }

    /// Calls `body(storageOffset, position)` for every element in row-major order of the view,
    /// checking `control` for an interrupt at every row.
    func forEachOffset(control: ExecutionControl, _ body: (Int, Int) throws -> Void) throws {
        let total = count
        guard total > 0 else { return }
        let rank = shape.count
        let inner = rank == 0 ? 1 : shape[rank - 1]
        let innerStride = rank == 0 ? 0 : strides[rank - 1]
        var counter = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
        var rowBase = base
        var position = 0
        while position < total {
            try control.checkInterrupt()
            var offset = rowBase
            for _ in 0..<inner {
                try body(offset, position)
                offset += innerStride
                position += 1
            }
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] += 1
                rowBase += strides[axis]
                if counter[axis] < shape[axis] { break }
                rowBase -= strides[axis] * shape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }

    /// The viewed elements copied out in row-major order of the view, in one pass into memory
    /// that is not zero-filled first, over every core when large: runs that are contiguous in
    /// the source are block copies; a transposed plane (the last axis strided, the one before
    /// contiguous) goes through the vector transpose kernel in cache-sized tiles; other strides
    /// are copied row by row in tiles of the last two axes.
    func gather(from source: [Double], control: ExecutionControl) throws -> [Double] {
        try gather(from: source) { label, units, cost, body in
            try ElementChunks.run(label, count: units, costPerElement: cost, control: control, body)
        }
    }

    /// The same copy on the calling thread, with no interrupt check: for a tensor's `scalars`,
    /// which has no session to consult.
    func gather(from source: [Double]) -> [Double] {
        gather(from: source) { _, units, _, body in body(0..<units) }
    }

    /// How a copy's work runs: `units` units of about `cost` element copies each, split over
    /// the cores or not.
    private typealias Split = (_ label: String, _ units: Int, _ cost: Int, _ body: (Range<Int>) -> Void) throws -> Void

    private func gather(from source: [Double], split: Split) rethrows -> [Double] {
        let total = count
        let view = merged()
        return try source.withUnsafeBufferPointer { input in
            try [Double](tensorStorageCapacity: total) { buffer, initialized in
                initialized = total
                guard total > 0, let from = input.baseAddress, let to = buffer.baseAddress else { return }
                if view.strides.count >= 2, view.strides[view.strides.count - 2] == 1, view.strides.last != 1 {
                    try view.transposePlanes(from: from, into: to, split: split)
                } else {
                    try view.copyRows(from: from, into: to, split: split)
                }
            }
        }
    }

    /// The same view with axes of extent 1 dropped and neighbouring axes merged where the
    /// outer one's stride continues the inner one's (a slice of whole rows is one run).
    private func merged() -> StridedView {
        var axes: [(extent: Int, stride: Int)] = []
        for axis in shape.indices where shape[axis] != 1 {
            if let last = axes.last, last.stride == strides[axis] * shape[axis] {
                axes[axes.count - 1] = (last.extent * shape[axis], strides[axis])
            } else {
                axes.append((shape[axis], strides[axis]))
            }
        }
        return StridedView(base: base, shape: axes.map(\.extent), strides: axes.map(\.stride))
    }

    /// The storage offset of the first element of row `row`, rows being the positions of every
    /// axis but the last.
    private func rowOffset(_ row: Int) -> Int {
        var offset = base
        var rest = row
        for axis in stride(from: shape.count - 2, through: 0, by: -1) {
            offset += (rest % shape[axis]) * strides[axis]
            rest /= shape[axis]
        }
        return offset
    }

    /// Row by row along the last axis: block copies where it is contiguous, a fill where it is
    /// broadcast, a strided loop otherwise.
    private func copyRows(from input: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>,
                          split: Split) rethrows {
        let length = shape.last ?? 1
        let step = strides.last ?? 0
        let rows = count / length
        if rows == 1 {
            // One run: split it, so that a large contiguous copy uses every core too.
            try split("copy", length, step == 1 ? 1 : 2) { range in
                StridedView.copyRun(input + base + range.lowerBound * step, step: step,
                                    into: output + range.lowerBound, count: range.count)
            }
            return
        }
        try split("copy", rows, length * (step == 1 ? 1 : 2)) { range in
            for row in range {
                StridedView.copyRun(input + rowOffset(row), step: step, into: output + row * length, count: length)
            }
        }
    }

    /// `output[i] = input[i·step]` for `i < count`.
    private static func copyRun(_ input: UnsafePointer<Double>, step: Int, into output: UnsafeMutablePointer<Double>,
                                count: Int) {
        switch step {
        case 1: output.initialize(from: input, count: count)
        case 0: output.initialize(repeating: input[0], count: count)
        default: for i in 0..<count { output[i] = input[i * step] }
        }
    }

    /// Rows of tile height per unit of work in `transposePlanes` (the kernel's tile).
    private static let transposeBlock = 64

    /// Each plane of the last two axes, whose next-to-last axis is contiguous in the source and
    /// whose last is not (a transpose): blocks of rows through the vector transpose kernel.
    private func transposePlanes(from input: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>,
                                 split: Split) rethrows {
        let rank = shape.count
        let (rows, columns) = (shape[rank - 2], shape[rank - 1])
        let columnStride = strides[rank - 1]
        let planes = StridedView(base: base, shape: Array(shape.dropLast(2)), strides: Array(strides.dropLast(2)))
        let blocks = (rows + Self.transposeBlock - 1) / Self.transposeBlock
        let kernel = VectorKernel.best
        try split("transpose", planes.count * blocks, Self.transposeBlock * columns) { units in
            for unit in units {
                let plane = unit / blocks
                let first = (unit % blocks) * Self.transposeBlock
                let height = Swift.min(Self.transposeBlock, rows - first)
                // Output (r, c) = input[planeBase + r + c·columnStride]: the kernel's "rows" are
                // the view's columns and its "columns" the view's rows.
                let planeBase = planes.shape.isEmpty ? base : planes.elementOffset(plane)
                kernel.transpose(input + planeBase + first, stride: columnStride, rows: columns, columns: height,
                                 into: output + plane * rows * columns + first * columns, stride: columns)
            }
        }
    }

    /// The storage offset of element number `index` in row-major order of the view.
    private func elementOffset(_ index: Int) -> Int {
        var offset = base
        var rest = index
        for axis in shape.indices.reversed() {
            offset += (rest % shape[axis]) * strides[axis]
            rest /= shape[axis]
        }
        return offset
    }

    /// Writes `values` (one per viewed element, row-major) into the viewed positions of `target`.
    func scatter(_ values: [Double], into target: inout [Double], control: ExecutionControl) throws {
        guard count > 0 else { return }
        let inner = shape.last ?? 1
        let innerStride = strides.last ?? 0
        // Row by row, like `gather`: one tight loop per run along the last axis.
        let rows = StridedView(base: base, shape: Array(shape.dropLast()), strides: Array(strides.dropLast()))
        try values.withUnsafeBufferPointer { input in
            try target.withUnsafeMutableBufferPointer { output in
                try rows.forEachOffset(control: control) { rowBase, row in
                    let source = row * inner
                    for column in 0..<inner { output[rowBase + column * innerStride] = input[source + column] }
                }
            }
        }
    }
}
