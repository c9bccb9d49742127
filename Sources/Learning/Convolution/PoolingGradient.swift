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

    /// ∂L/∂x for the output gradient `g` (planes × Ho × Wo) and the input `x`.
    ///
    /// Max pooling sends each output's gradient to the element torch's forward pass picks: the
    /// first largest in row-major window order, or the last NaN (torch's test is
    /// `val > max || isnan(val)` from −∞). Average pooling spreads it evenly over the window's
    /// kH·kW units, dropping the share of the padding.
    func inputGradient(_ g: Tensor, input x: Tensor, control: ExecutionControl) throws -> Tensor {
        let inputPlane = rows.input * columns.input
        let outputPlane = rows.output * columns.output
        var result = [Double](repeating: 0, count: x.count)
        let share = 1 / Double(rows.kernel * columns.kernel)
        // Each unit writes only its own plane of the result.
        try g.scalars.withUnsafeBufferPointer { gBuffer in
            try x.scalars.withUnsafeBufferPointer { xBuffer in
                try result.withUnsafeMutableBufferPointer { out in
                    guard let gBase = gBuffer.baseAddress, let xBase = xBuffer.baseAddress,
                          let outBase = out.baseAddress else { return }
                    try ParallelLoop.run("backward", units: planes,
                                         costPerUnit: outputPlane * rows.kernel * columns.kernel, control: control) { units in
                        for plane in units {
                            let gPlane = gBase + plane * outputPlane
                            let xPlane = xBase + plane * inputPlane
                            let target = outBase + plane * inputPlane
                            for i in 0..<rows.output {
                                let rowTaps = rows.tapsInside(output: i)
                                for j in 0..<columns.output {
                                    let gradient = gPlane[i * columns.output + j]
                                    let columnTaps = columns.tapsInside(output: j)
                                    if kind == .average {
                                        for a in rowTaps {
                                            let row = rows.position(output: i, tap: a) * columns.input
                                            for b in columnTaps {
                                                target[row + columns.position(output: j, tap: b)] += gradient * share
                                            }
                                        }
                                    } else if let index = argmax(xPlane, i, j, rowTaps, columnTaps) {
                                        target[index] += gradient
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

    /// The index in the plane that torch's max pooling picks for output (i, j).
    @inline(__always)
    private func argmax(_ x: UnsafePointer<Double>, _ i: Int, _ j: Int, _ rowTaps: Range<Int>,
                        _ columnTaps: Range<Int>) -> Int? {
        guard let firstRow = rowTaps.first, let firstColumn = columnTaps.first else { return nil }
        var best = -Double.infinity
        var index = rows.position(output: i, tap: firstRow) * columns.input + columns.position(output: j, tap: firstColumn)
        for a in rowTaps {
            let row = rows.position(output: i, tap: a) * columns.input
            for b in columnTaps {
                let candidate = row + columns.position(output: j, tap: b)
                let value = x[candidate]
                if value > best || value.isNaN {
                    best = value
                    index = candidate
                }
            }
        }
        return index
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
