/// Max and average pooling, the one implementation behind torch's functions (`maxpool`,
/// `avgpool`) and pooling layers: max lets NaN win as torch's `max_pool2d` does and never picks
/// the padding, average sums NaN and infinities as they come and divides by the full window,
/// padding included (count_include_pad).
enum Pooling {
    /// Pools the trailing axes `axes` describe of `input`, keeping the leading axes; zero padding
    /// is never read, other fills are written out first.
    static func run(_ input: Tensor, axes: [WindowAxis], kind: PoolingLayer.Kind,
                    control: ExecutionControl) throws -> Tensor {
        let leading = Array(input.shape.dropLast(axes.count))
        var plane = WindowPlane(axes)
        var source = input
        if plane.foldsPadding {
            let widths = leading.map { _ in (before: 0, after: 0) } + axes.map { ($0.padding.before, $0.padding.after) }
            source = try input.padded(widths, mode: axes[0].fill, control: control)
            plane = plane.unpadded
        }
        let planes = leading.reduce(1, *)
        let scalars = try reduce(source.scalars, planes: planes, plane: plane, kind: kind, control: control)
        return Tensor(validatedShape: leading + axes.map(\.output), scalars: scalars)
    }

    /// Pools every plane; one work unit is one output row of one plane.
    private static func reduce(_ input: [Double], planes: Int, plane: WindowPlane, kind: PoolingLayer.Kind,
                               control: ExecutionControl) throws -> [Double] {
        let count = try Tensor.elementCount(of: [planes, plane.rows.output, plane.columns.output])
        try control.checkAllocation(count)
        guard count > 0 else { return [] }
        let window = PoolingWindow(geometry: plane, kind: kind)
        // Windows are clipped to the input, so a window costs at most the input's extent.
        let cost = min(plane.rows.kernel, plane.rows.input) * min(plane.columns.kernel, plane.columns.input)
            * plane.columns.output
        return try [Double](tensorStorageCapacity: count) { buffer, initialized in
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
