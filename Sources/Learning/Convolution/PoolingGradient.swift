import CConvolutionKernels
import Tensors

/// The backward pass of max and average pooling with zero padding that is never read (torch's
/// `max_pool1d/2d` and `avg_pool1d/2d` with ceil_mode false and count_include_pad true), on the
/// window model's axes.
struct PoolingGradient {
    /// Max or average.
    let kind: PoolingLayer.Kind
    /// The vertical window (a single unit for 1-D).
    let rows: WindowAxis
    /// The horizontal window.
    let columns: WindowAxis
    /// The number of pooled planes (the product of the leading axes).
    let planes: Int
    /// The vector instructions max pooling's two-wide windows run on (tests compare each level
    /// the CPU has; the portable level uses the Swift lanes of `pickRow`).
    var level = PoolingGradient.bestLevel

    /// The best level this CPU has.
    static let bestLevel = receptive_conv_level()

    /// ∂L/∂x for the output gradient `g` (planes × Ho × Wo) and the input `x`.
    ///
    /// Max pooling sends each output's gradient to the element torch's forward pass picks
    /// (`maxPooled`). Average pooling spreads it evenly over the window's kH·kW units, dropping
    /// the share of the padding.
    func inputGradient(_ g: Tensor, input x: Tensor, control: ExecutionControl) throws -> Tensor {
        if kind == .max {
            return try maxGradient(g, picks: maxPooled(x, control: control).picks, inputShape: x.shape, control: control)
        }
        let inputPlane = rows.input * columns.input
        let outputPlane = rows.output * columns.output
        var result = [Double](zeroedTensorStorage: x.count)
        let share = 1 / Double(rows.kernel * columns.kernel)
        // Each unit writes only its own plane of the result.
        try g.scalars.withUnsafeBufferPointer { gBuffer in
            try result.withUnsafeMutableBufferPointer { out in
                guard let gBase = gBuffer.baseAddress, let outBase = out.baseAddress else { return }
                try ParallelLoop.run("backward", units: planes,
                                     costPerUnit: outputPlane * rows.kernel * columns.kernel, control: control) { units in
                    for plane in units {
                        let gPlane = gBase + plane * outputPlane
                        let target = outBase + plane * inputPlane
                        for i in 0..<rows.output {
                            let rowTaps = rows.tapsInside(output: i)
                            for j in 0..<columns.output {
                                let gradient = gPlane[i * columns.output + j]
                                let columnTaps = columns.tapsInside(output: j)
                                for a in rowTaps {
                                    let row = rows.position(output: i, tap: a) * columns.input
                                    for b in columnTaps {
                                        target[row + columns.position(output: j, tap: b)] += gradient * share
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return try Tensor(shape: x.shape, scalars: result)
    }

    /// Max pooling's forward pass as the backward pass needs it: every output, and the index in
    /// `x`'s elements of the input element it took (torch's `indices`), or −1 for a window that
    /// lies wholly on the padding (whose output is −∞, as `Tensor.maxPool2d` gives).
    ///
    /// The element taken is the one torch's forward pass picks: the first largest in row-major
    /// window order, or the last NaN (torch's test is `val > max || isnan(val)` from −∞,
    /// starting at the window's first element), so the outputs equal the plain forward pass's.
    /// Recording the picks here, once, is what makes the backward pass a scatter: recomputing
    /// them from x there, and the plain forward pass's generic window walk, took half of an
    /// epoch of the small CNN in benchmarks/learning.py (perf; benchmarks/results/learning.md).
    func maxPooled(_ x: Tensor, control: ExecutionControl) throws -> (values: [Double], picks: [Int]) {
        let inputPlane = rows.input * columns.input
        let outputPlane = rows.output * columns.output
        let count = planes * outputPlane
        try control.checkAllocation(count)
        guard x.count == planes * inputPlane else {
            throw TensorError.shapeMismatch(
                "max pooling's planes need \(planes * inputPlane) elements, found \(Tensor.describe(x.shape))")
        }
        // Each output column's taps that land on the input; the columns whose windows lie wholly on it.
        let columnTaps = (0..<columns.output).map { columns.tapsInside(output: $0) }
        let interior = columns.outputsInside(tap: 0).clamped(to: columns.outputsInside(tap: columns.kernel - 1))
        var values = [Double](zeroedTensorStorage: count)
        var picks = [Int](repeating: -1, count: count)
        try x.scalars.withUnsafeBufferPointer { xBuffer in
            try values.withUnsafeMutableBufferPointer { valueBuffer in
                try picks.withUnsafeMutableBufferPointer { pickBuffer in
                    try columnTaps.withUnsafeBufferPointer { columnTaps in
                        guard let xBase = xBuffer.baseAddress, let valueBase = valueBuffer.baseAddress,
                              let pickBase = pickBuffer.baseAddress else { return }
                        // A tap costs a compare and two selects in each of two SSE2 halves:
                        // counted as 4 multiply-adds, so a 32×8×26×26 pooling splits over cores.
                        try ParallelLoop.run("pooling", units: planes * rows.output,
                                             costPerUnit: 4 * columns.output * rows.kernel * columns.kernel,
                                             control: control) { units in
                            // Each unit is one output row, and writes only its outputs.
                            for unit in units {
                                let first = (unit / rows.output) * inputPlane
                                let outputRow = unit * columns.output
                                pickRow(unit % rows.output, input: xBase + first, first: first, columnTaps: columnTaps,
                                        interior: interior, values: valueBase + outputRow, picks: pickBase + outputRow)
                            }
                        }
                    }
                }
            }
        }
        return (values, picks)
    }

    /// Output row `i` of one plane (`x`, whose first element is element `first` of the input):
    /// each output and the index of the element it took. Four outputs whose windows lie wholly
    /// on the input are found together, their comparisons in vector lanes: as branches, the
    /// comparisons of random activations mispredicted about half the time, and the pooling of
    /// the small CNN took a third of its epoch under perf.
    @inline(__always)
    private func pickRow(_ i: Int, input x: UnsafePointer<Double>, first: Int, columnTaps: UnsafeBufferPointer<Range<Int>>,
                         interior: Range<Int>, values: UnsafeMutablePointer<Double>, picks: UnsafeMutablePointer<Int>) {
        let rowTaps = rows.tapsInside(output: i)
        guard let firstRow = rowTaps.first else {
            for j in 0..<columns.output { values[j] = -.infinity }
            return
        }
        // Two adjacent taps, stride 2 (the 2×2 pooling of most networks): one eight-wide load
        // holds four windows' rows, the first taps in its even lanes and the second in its odd.
        let pairs = columns.kernel == 2 && columns.stride == 2 && columns.dilation == 1
        var j = 0
        if pairs, level != ReceptiveConvLevelPortable, !interior.isEmpty {
            // The C kernels take the whole interior (eight or four outputs a step), writing each
            // pick's offset from its window's first element, made an index here.
            let origin = rows.position(output: i, tap: firstRow) &* columns.input
            let start = origin &+ columns.position(output: interior.lowerBound, tap: 0)
            var job = ReceptiveMaxPoolPairs(source: x + start, rowStep: rows.dilation &* columns.input,
                                            windowRows: rowTaps.count, count: interior.count,
                                            values: values + interior.lowerBound, offsets: picks + interior.lowerBound)
            receptive_conv_max_pool_pairs(level, &job)
            for output in interior {
                picks[output] &+= first &+ origin &+ columns.position(output: output, tap: 0)
            }
        }
        while j < columns.output {
            if pairs, level != ReceptiveConvLevelPortable, interior.contains(j) {
                j = interior.upperBound
                continue
            }
            if interior.contains(j), j + 4 <= interior.upperBound {
                let firstColumn = columns.position(output: j, tap: 0)
                let origin = rows.position(output: i, tap: firstRow) &* columns.input &+ firstColumn
                var best = SIMD4<Double>(repeating: -.infinity)
                // Where each lane's pick lies from its window's first element: a whole number
                // held exactly in a double, so that the selects stay in the double lanes SSE2
                // has (64-bit integer lanes compiled to scalar moves and cmovs, and a tap
                // number needed a division per lane to become an index).
                var taken = SIMD4<Double>()
                // torch's `val > max || isnan(val)`, in every lane, taps in row-major order.
                func consider(_ value: SIMD4<Double>, at offset: Int) {
                    let takes = (value .> best) .| (value .!= value)
                    best.replace(with: value, where: takes)
                    taken.replace(with: Double(offset), where: takes)
                }
                for a in rowTaps {
                    let row = rows.position(output: i, tap: a) &* columns.input &+ firstColumn
                    if pairs {
                        let pair = UnsafeRawPointer(x + row).loadUnaligned(as: SIMD8<Double>.self)
                        consider(pair.evenHalf, at: row &- origin)
                        consider(pair.oddHalf, at: row &- origin &+ 1)
                        continue
                    }
                    for b in 0..<columns.kernel {
                        let candidate = row &+ b &* columns.dilation, stride = columns.stride
                        consider(SIMD4(x[candidate], x[candidate &+ stride], x[candidate &+ 2 &* stride],
                                       x[candidate &+ 3 &* stride]), at: candidate &- origin)
                    }
                }
                for lane in 0..<4 {
                    values[j + lane] = best[lane]
                    picks[j + lane] = first &+ origin &+ lane &* columns.stride &+ Int(taken[lane])
                }
                j += 4
                continue
            }
            let taps = columnTaps[j]
            guard let firstColumn = taps.first else {
                values[j] = -.infinity
                j += 1
                continue
            }
            var best = -Double.infinity
            var pick = rows.position(output: i, tap: firstRow) * columns.input + columns.position(output: j, tap: firstColumn)
            for a in rowTaps {
                let row = rows.position(output: i, tap: a) * columns.input
                for b in taps {
                    let candidate = row + columns.position(output: j, tap: b)
                    let value = x[candidate]
                    if value > best || value.isNaN {
                        best = value
                        pick = candidate
                    }
                }
            }
            values[j] = best
            picks[j] = first + pick
            j += 1
        }
    }

    /// ∂L/∂x of max pooling: each output's gradient added to the input element it took
    /// (`picks`, from `maxPooled`), in output order within each plane, as torch adds them where
    /// windows overlap.
    func maxGradient(_ g: Tensor, picks: [Int], inputShape: [Int], control: ExecutionControl) throws -> Tensor {
        let outputPlane = rows.output * columns.output
        guard g.count == picks.count, picks.count == planes * outputPlane else {
            throw TensorError.shapeMismatch(
                "max pooling's gradient needs one value per output, found \(Tensor.describe(g.shape))")
        }
        let count = try Tensor.elementCount(of: inputShape)
        try control.checkAllocation(count)
        var result = [Double](zeroedTensorStorage: count)
        try g.scalars.withUnsafeBufferPointer { gBuffer in
            try picks.withUnsafeBufferPointer { pickBuffer in
                try result.withUnsafeMutableBufferPointer { out in
                    guard let gBase = gBuffer.baseAddress, let pickBase = pickBuffer.baseAddress,
                          let outBase = out.baseAddress else { return }
                    // A plane's picks lie in its own input plane, so units write disjoint memory.
                    try ParallelLoop.run("backward", units: planes, costPerUnit: outputPlane, control: control) { units in
                        for index in (units.lowerBound * outputPlane)..<(units.upperBound * outputPlane) {
                            let pick = pickBase[index]
                            if pick >= 0 { outBase[pick] += gBase[index] }
                        }
                    }
                }
            }
        }
        return try Tensor(shape: inputShape, scalars: result)
    }
}

extension TensorOperand {
    /// A pooling layer (zero padding, never read) applied to `spatial…`, `C × spatial…` or
    /// `N × C × spatial…`, with the gradient with respect to the input.
    public func pooled(_ layer: PoolingLayer, control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let rank = layer.window.spatialRank
        let spatial = Array(x.shape.suffix(rank))
        let leading = Array(x.shape.dropLast(rank))
        let planes = leading.reduce(1, *)
        if isTraced, layer.kind == .max, spatial.allSatisfy({ $0 >= 1 }),
           let axes = try? layer.window.axes(input: spatial, name: "pool_layer", noun: "window") {
            // The outputs and the elements they took in one pass (see `maxPooled`). A window
            // that does not fit falls through to the plain forward pass, which reports it in
            // the layer's words.
            let planeAxes = try TensorOperand.planeAxes(axes, name: "pool_layer")
            let gradient = PoolingGradient(kind: .max, rows: planeAxes.rows, columns: planeAxes.columns, planes: planes)
            let (values, picks) = try gradient.maxPooled(x, control: control)
            let result = try Tensor(shape: leading + axes.map(\.output), scalars: values)
            return TensorOperand.result(result, of: self) { g in
                try gradient.maxGradient(g, picks: picks, inputShape: x.shape, control: control)
            }
        }
        let output = try Layer.pooling(layer)(x.reshaped([planes] + spatial), control: control)
        let result = try output.reshaped(leading + Array(output.shape.suffix(rank)))
        guard isTraced else { return .plain(result) }
        let axes = try layer.window.axes(input: spatial, name: "pool_layer", noun: "window")
        let planeAxes = try TensorOperand.planeAxes(axes, name: "pool_layer")
        let gradient = PoolingGradient(kind: layer.kind, rows: planeAxes.rows, columns: planeAxes.columns, planes: planes)
        return TensorOperand.result(result, of: self) { g in
            try gradient.inputGradient(g, input: x, control: control)
        }
    }

    /// Max or average pooling of the last `spatialRank` axes as torch's functions (see
    /// `Tensor.maxPool2d`), with the gradient with respect to the input.
    public func pooled(_ kind: PoolingLayer.Kind, spatialRank: Int, size: [Int], stride: [Int]?, padding: [Int],
                       control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let result: Tensor
        switch (kind, spatialRank) {
        case (.max, 1): result = try x.maxPool1d(size: size, stride: stride, padding: padding, control: control)
        case (.max, _): result = try x.maxPool2d(size: size, stride: stride, padding: padding, control: control)
        case (.average, 1): result = try x.avgPool1d(size: size, stride: stride, padding: padding, control: control)
        case (.average, _): result = try x.avgPool2d(size: size, stride: stride, padding: padding, control: control)
        }
        guard isTraced else { return .plain(result) }
        let name = kind == .max ? "maxpool" : "avgpool"
        let axes = try WindowOptions(stride: stride ?? size, padding: .widths(padding))
            .window(kernelShape: size.count == 1 ? Array(repeating: size[0], count: spatialRank) : size, name: name)
            .axes(input: Array(x.shape.suffix(spatialRank)), name: name, noun: "window")
        let planes = try TensorOperand.planeAxes(axes, name: name)
        let gradient = PoolingGradient(kind: kind, rows: planes.rows, columns: planes.columns,
                                       planes: x.shape.dropLast(spatialRank).reduce(1, *))
        return TensorOperand.result(result, of: self) { g in
            try gradient.inputGradient(g, input: x, control: control)
        }
    }
}
