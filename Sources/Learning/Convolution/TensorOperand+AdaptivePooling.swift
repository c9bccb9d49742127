import Tensors

extension TensorOperand {
    /// `adaptive_maxpool`/`adaptive_avgpool` (`Tensor.adaptivePooled`) with the gradient with
    /// respect to the input, as torch's adaptive pooling backward passes compute it.
    public func adaptivePooled(to output: [Int], kind: PoolingLayer.Kind,
                               control: ExecutionControl) throws -> TensorOperand {
        let x = value
        let result = try x.adaptivePooled(to: output, kind: kind, control: control)
        return TensorOperand.result(result, of: self) { g in
            try AdaptivePoolingGradient(shape: x.shape, output: output)
                .inputGradient(g, input: x, kind: kind, control: control)
        }
    }
}

/// The backward pass of adaptive pooling over the last one or two axes. Average pooling adds
/// each output's gradient divided by its window's height, then its width (torch's
/// `go / kH / kW`) into every element of its window; windows overlap by one where n does not
/// divide L, so such an element collects from both. Max pooling gives it to the element torch's
/// forward pass records: the window's first element to start with, then each element that is
/// larger or NaN (`val > max || isnan(val)` from −∞), so the first maximum or the last NaN.
struct AdaptivePoolingGradient {
    let rows: AdaptiveWindows
    let columns: AdaptiveWindows
    let planes: Int

    init(shape: [Int], output: [Int]) {
        let spatialRank = output.count
        let extents = Array(shape.suffix(spatialRank))
        rows = AdaptiveWindows(input: spatialRank == 2 ? extents[0] : 1, output: spatialRank == 2 ? output[0] : 1)
        columns = AdaptiveWindows(input: extents[spatialRank - 1], output: output[spatialRank - 1])
        planes = shape.dropLast(spatialRank).reduce(1, *)
    }

    func inputGradient(_ g: Tensor, input x: Tensor, kind: PoolingLayer.Kind,
                       control: ExecutionControl) throws -> Tensor {
        guard g.count == planes * rows.output * columns.output else {
            throw TensorError.shapeMismatch("adaptive pooling's gradient needs one value per output, found \(Tensor.describe(g.shape))")
        }
        var result = [Double](zeroedTensorStorage: x.count)
        let columnCount = columns.input
        try AdaptiveWindows.forEachWindow(rows: rows, columns: columns, planes: planes,
                                          control: control) { output, base, rowRange, columnRange in
            let gradient = g.scalars[output]
            if kind == .average {
                let share = gradient / Double(rowRange.count) / Double(columnRange.count)
                for r in rowRange {
                    for c in columnRange { result[base + r * columnCount + c] += share }
                }
                return
            }
            var best = -Double.infinity
            var pick = base + rowRange.lowerBound * columnCount + columnRange.lowerBound
            for r in rowRange {
                for c in columnRange {
                    let index = base + r * columnCount + c
                    let value = x.scalars[index]
                    if value > best || value.isNaN {
                        best = value
                        pick = index
                    }
                }
            }
            result[pick] += gradient
        }
        return try Tensor(shape: x.shape, scalars: result)
    }
}
