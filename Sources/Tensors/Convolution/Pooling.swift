/// Max and average pooling with torch's rules (ceil_mode false, count_include_pad true).
struct Pooling {
    /// What a window reduces to.
    enum Kind: Sendable {
        /// The largest element; NaN wins, as in torch.
        case max
        /// The sum divided by the window's full size, padding included.
        case average
    }

    /// "maxpool" or "avgpool", for error messages.
    var name: String
    /// The reduction.
    var kind: Kind
    /// 1 or 2 pooled axes (the last ones).
    var spatialRank: Int
    /// The window, one value or one per axis.
    var size: [Int]
    /// The step, one value or one per axis.
    var stride: [Int]
    /// The padding on both sides, one value or one per axis.
    var padding: [Int]

    /// Pools the last `spatialRank` axes of `input`, keeping the leading axes.
    func apply(to input: Tensor, control: ExecutionControl) throws -> Tensor {
        guard input.rank >= spatialRank, input.rank <= spatialRank + 2 else {
            let axes = spatialRank == 2 ? "H×W" : "W"
            throw TensorError.shapeMismatch(
                "\(name): expected the input to be \(axes), C×\(axes) or N×C×\(axes), found \(Tensor.describe(input.shape))")
        }
        // As in torch, only a batch axis (the first of spatialRank + 2) may be empty.
        guard input.shape.suffix(min(input.rank, spatialRank + 1)).allSatisfy({ $0 > 0 }) else {
            throw TensorError.shapeMismatch(
                "\(name): the input \(Tensor.describe(input.shape)) has an empty axis; only the batch may be empty")
        }
        let spatial = Array(input.shape.suffix(spatialRank))
        let axes = try geometry(spatial: spatial)
        let plane = axes.count == 2 ? WindowPlane(rows: axes[0], columns: axes[1]) : .oneDimensional(axes[0])
        let leading = Array(input.shape.dropLast(spatialRank))
        let planes = leading.reduce(1, *)
        let scalars = try run(input.scalars, planes: planes, plane: plane, control: control)
        return Tensor(validatedShape: leading + axes.map(\.output), scalars: scalars)
    }

    /// One geometry per pooled axis, after torch's argument checks.
    private func geometry(spatial: [Int]) throws -> [WindowAxis] {
        let sizes = try WindowArguments.perAxis(size, "size", name: name, spatialRank: spatialRank, minimum: 1)
        let strides = try WindowArguments.perAxis(stride, "stride", name: name, spatialRank: spatialRank, minimum: 1)
        let pads = try WindowArguments.perAxis(padding, "padding", name: name, spatialRank: spatialRank, minimum: 0)
        return try (0..<spatialRank).map { axis in
            guard 2 * pads[axis] <= sizes[axis] else {
                throw TensorError.invalidArgument(
                    "\(name): padding must be at most half the window, found padding \(pads[axis]) for size \(sizes[axis])")
            }
            let span = spatial[axis] + 2 * pads[axis] - sizes[axis]
            let output = WindowAxis.floorDivide(span, strides[axis]) + 1
            guard output >= 1 else {
                throw TensorError.shapeMismatch(
                    "\(name): the window \(Tensor.describe(sizes)) is larger than the padded input \(Tensor.describe(zip(spatial, pads).map { $0 + 2 * $1 })); use a smaller size or more padding")
            }
            return WindowAxis(input: spatial[axis], kernel: sizes[axis], stride: strides[axis],
                                padBefore: pads[axis], output: output)
        }
    }

    /// Pools every plane; one work unit is one output row of one plane.
    private func run(_ input: [Double], planes: Int, plane: WindowPlane, control: ExecutionControl) throws -> [Double] {
        let count = try Tensor.elementCount(of: [planes, plane.rows.output, plane.columns.output])
        try control.checkAllocation(count)
        guard count > 0 else { return [] }
        let window = PoolingWindow(geometry: plane, kind: kind)
        // Windows are clipped to the input, so a window costs at most the input's extent.
        let cost = min(plane.rows.kernel, plane.rows.input) * min(plane.columns.kernel, plane.columns.input)
            * plane.columns.output
        return try [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let output = buffer.baseAddress else { return }
            try input.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                let height = plane.rows.output
                try ParallelLoop.run("pooling", units: planes * height, costPerUnit: cost, control: control) { units in
                    for unit in units {
                        window.reduce(row: unit % height, input: base + (unit / height) * plane.inputCount,
                                      into: output + unit * plane.columns.output)
                    }
                }
            }
            initialized = count
        }
    }
}
