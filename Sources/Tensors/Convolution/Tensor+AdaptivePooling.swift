extension Tensor {
    /// Adaptive pooling as `torch.nn.functional.adaptive_max_pool1d/2d` and
    /// `adaptive_avg_pool1d/2d`: the last `output.count` axes (1 or 2) are pooled to exactly
    /// `output` values each, whatever their length, so inputs of any size give outputs of one
    /// size (Deep Learning §9.7: pooling regions that scale with the input). Output i of an axis
    /// of length L pools L·i/n rounded down up to L·(i+1)/n rounded up, so neighbouring windows
    /// overlap by one when n does not divide L and every input falls in some window. The input
    /// is W, C×W or N×C×W for one axis, H×W, C×H×W or N×C×H×W for two; max lets NaN win.
    public func adaptivePooled(to output: [Int], kind: PoolingLayer.Kind,
                               control: ExecutionControl) throws -> Tensor {
        let name = kind == .max ? "adaptive_maxpool" : "adaptive_avgpool"
        let spatialRank = output.count
        guard spatialRank == 1 || spatialRank == 2 else {
            throw TensorError.invalidArgument(
                "\(name): output must be one size or a (height, width) pair, found \(spatialRank) values")
        }
        guard output.allSatisfy({ $0 >= 1 }) else {
            throw TensorError.invalidArgument(
                "\(name): every output size must be at least 1, found \(output.map(String.init).joined(separator: ", "))")
        }
        guard rank >= spatialRank, rank <= spatialRank + 2 else {
            let axes = spatialRank == 2 ? "H×W" : "W"
            throw TensorError.shapeMismatch(
                "\(name): expected the input to be \(axes), C×\(axes) or N×C×\(axes) for \(spatialRank) output size(s), found \(Tensor.describe(shape))")
        }
        let extents = Array(shape.suffix(spatialRank))
        guard extents.allSatisfy({ $0 > 0 }) else {
            throw TensorError.shapeMismatch("\(name): the input \(Tensor.describe(shape)) has an empty pooled axis")
        }
        let leading = Array(shape.dropLast(spatialRank))
        let outShape = leading + output
        let count = try Tensor.elementCount(of: outShape)
        try control.checkAllocation(count)
        // One axis pools as a 1×W plane; the windows of each axis are computed once.
        let rows = AdaptiveWindows(input: spatialRank == 2 ? extents[0] : 1, output: spatialRank == 2 ? output[0] : 1)
        let columns = AdaptiveWindows(input: extents[spatialRank - 1], output: output[spatialRank - 1])
        var result = [Double](zeroedTensorStorage: count)
        try scalars.withUnsafeBufferPointer { source in
            try AdaptiveWindows.forEachWindow(rows: rows, columns: columns, planes: leading.reduce(1, *),
                                              control: control) { output, base, rowRange, columnRange in
                var total = 0.0
                var largest = -Double.infinity
                for r in rowRange {
                    for c in columnRange {
                        let value = source[base + r * columns.input + c]
                        total += value
                        // NaN wins, as in torch's max pooling.
                        if value > largest || value.isNaN && !largest.isNaN { largest = value }
                    }
                }
                result[output] = kind == .max ? largest : total / Double(rowRange.count * columnRange.count)
            }
        }
        return Tensor(validatedShape: outShape, scalars: result)
    }
}

/// The windows adaptive pooling uses along one axis: torch's start_index ⌊i·L/n⌋ and
/// end_index ⌈(i+1)·L/n⌉. Public for the backward pass in `Learning`.
public struct AdaptiveWindows: Sendable {
    /// The axis's length L.
    public let input: Int
    /// The number of windows n.
    public let output: Int

    /// The windows of an axis of `input` positions pooled to `output` values.
    public init(input: Int, output: Int) {
        self.input = input
        self.output = output
    }

    /// The input positions of window `index`.
    public func window(_ index: Int) -> Range<Int> {
        let start = index * input / output
        let end = ((index + 1) * input + output - 1) / output
        return start..<end
    }

    /// Walks every window of `planes` planes of `rows.input` × `columns.input` elements pooled
    /// to `rows.output` × `columns.output`, plane by plane in row-major output order, checking
    /// `control`'s interrupt before each plane: `body` gets the output's index among all the
    /// planes' outputs, the index of its plane's first element, and the window's rows and
    /// columns (element (r, c) of the window is at `base + r · columns.input + c`). The one walk
    /// of the forward pass and of the backward pass in `Learning`.
    public static func forEachWindow(rows: AdaptiveWindows, columns: AdaptiveWindows, planes: Int,
                                     control: ExecutionControl,
                                     _ body: (_ output: Int, _ base: Int, _ rows: Range<Int>, _ columns: Range<Int>) throws -> Void)
        throws {
        let planeSize = rows.input * columns.input
        for plane in 0..<planes {
            try control.checkInterrupt()
            for i in 0..<rows.output {
                let rowRange = rows.window(i)
                for j in 0..<columns.output {
                    try body((plane * rows.output + i) * columns.output + j, plane * planeSize, rowRange, columns.window(j))
                }
            }
        }
    }
}
