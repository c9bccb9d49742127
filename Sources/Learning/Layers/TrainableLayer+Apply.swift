import Tensors

extension TrainableLayer {
    /// `layer(x)`: the layer applied to one input or a batch, its weights traced when `tape`
    /// records them (see `Tape.bind`), so that gradients reach the weights, the bias and x.
    ///
    /// - A convolution takes `spatial…` (one channel), `C × spatial…` or `N × C × spatial…`
    ///   (a batch, as torch's layers do) and gives the same layout with O channels (without the
    ///   channel axis when the input had none and O = 1).
    /// - A dense layer applies to the last axis when its length is the layer's inputs (so an
    ///   `N × F` batch gives `N × outputs`, as torch's `nn.Linear`), to each image of a batch
    ///   flattened (`N × C × H × W` from convolutions gives `N × outputs`), otherwise to the
    ///   whole input flattened (the book's 280 × 320 image into 89,600 inputs).
    /// - A pooling layer pools each channel of each image.
    public func apply(_ x: TensorOperand, tape: Tape?, control: ExecutionControl) throws -> TensorOperand {
        let layer = self.layer
        let bound = tape?.parameters(of: self)
        let weight: TensorOperand? = try bound?.weight.map(TensorOperand.traced) ?? weightOperand(layer, control: control)
        let bias: TensorOperand? = bound?.bias.map(TensorOperand.traced) ?? self.bias.map(TensorOperand.plain)
        return try apply(x, weight: weight, bias: bias, control: control)
    }

    /// The layer applied with `weight` and `bias` standing for its own (as a tape's variables do).
    func apply(_ x: TensorOperand, weight: TensorOperand?, bias: TensorOperand?,
               control: ExecutionControl) throws -> TensorOperand {
        let layer = self.layer
        switch layer {
        case .dense(let dense):
            return try applyDense(dense, layer, x, weight: weight, bias: bias, control: control)
        case .convolution(let convolution) where convolution.sharing == .shared:
            guard let weight else { throw TensorError.invalidArgument("\(layer.name) has no weights") }
            return try applyConvolution(convolution, layer, x, weight: weight, bias: bias, control: control)
        case .convolution:
            guard !x.isTraced else {
                throw TensorError.invalidArgument(
                    "\(layer.name) has a kernel per position or tile, which gradients do not reach; "
                    + "differentiate through conv_layer, dense_layer and pool_layer")
            }
            return .plain(try applyEach(layer, x.value, control: control))
        case .pooling(let pooling):
            return try applyPooling(pooling, x, control: control)
        }
    }

    /// The weights as an operand when no tape binds them; random dense weights too many to
    /// draw stay undrawn (nil) and the layer computes them as it goes.
    private func weightOperand(_ layer: Layer, control: ExecutionControl) throws -> TensorOperand? {
        if case .dense(let dense) = layer, case .seeded = dense.weights,
           dense.inputs.multipliedReportingOverflow(by: dense.outputs).partialValue > control.maxElements {
            return nil
        }
        return try layer.weightTensor(control: control).map(TensorOperand.plain)
    }

    private func applyDense(_ dense: DenseLayer, _ layer: Layer, _ x: TensorOperand, weight: TensorOperand?,
                            bias: TensorOperand?, control: ExecutionControl) throws -> TensorOperand {
        let shape = x.shape
        let inputs = dense.inputs
        // Along the last axis (N × F, torch's nn.Linear); each image of a batch flattened
        // (N × C × H × W after convolutions); or the whole input flattened (the book's image).
        let rows: Int, outputShape: [Int]
        if shape.count >= 2 && shape.last == inputs {
            (rows, outputShape) = (x.value.count / inputs, Array(shape.dropLast()) + [dense.outputs])
        } else if shape.count >= 3 && shape.dropFirst().reduce(1, *) == inputs {
            (rows, outputShape) = (shape[0], [shape[0], dense.outputs])
        } else if x.value.count == inputs {
            (rows, outputShape) = (1, [dense.outputs])
        } else {
            // Neither a batch nor one input of the right size: the book's point about dense layers.
            try dense.checkInput(shape)
            throw TensorError.shapeMismatch("dense_layer \(inputs) → \(dense.outputs) cannot take \(Tensor.describe(shape))")
        }
        guard let weight else {
            // Too many random weights to hold: the layer draws each as it multiplies.
            guard rows == 1, outputShape == [dense.outputs] else {
                throw TensorError.limitExceeded(
                    "a batch through dense_layer(\(inputs), \(dense.outputs)) needs its weights in memory, "
                    + "more than the cap of \(control.maxElements) elements")
            }
            let product = TensorOperand.plain(try layer(x.value, control: control))
            return try bias.map { try product.combined(with: $0, .add, control: control) } ?? product
        }
        var product = try x.reshaped([rows, inputs]).matmul(weight.transposed(control: control), control: control)
        if let bias { product = try product.combined(with: bias, .add, control: control) }
        return try product.reshaped(outputShape)
    }

    private func applyConvolution(_ convolution: ConvolutionLayer, _ layer: Layer, _ x: TensorOperand,
                                  weight: TensorOperand, bias: TensorOperand?,
                                  control: ExecutionControl) throws -> TensorOperand {
        let window = convolution.window
        let rank = window.spatialRank
        var input = try TrainableLayer.batched(x, rank: rank, channels: convolution.inChannels, name: layer.name)
        var padding = window.padding
        if window.fill != .zero, padding.contains(where: { $0 != .none }) {
            // Reflected, repeated or wrapped padding is written out, so its gradient flows back.
            input = try input.padded([(0, 0), (0, 0)] + padding.map { ($0.before, $0.after) }, mode: window.fill,
                                     control: control)
            padding = padding.map { _ in .none }
        }
        let options = ConvolutionOptions(stride: window.stride, padding: .pairs(padding), dilation: window.dilation)
        let output = try TensorOperand.convolution(input, weight: weight, bias: bias, spatialRank: rank,
                                                   options: options, control: control)
        let spatial = Array(output.shape.suffix(rank))
        switch x.shape.count - rank {
        case 0 where convolution.outChannels == 1: return try output.reshaped(spatial)
        case 0, 1: return try output.reshaped([convolution.outChannels] + spatial)
        default: return output
        }
    }

    private func applyPooling(_ pooling: PoolingLayer, _ x: TensorOperand, control: ExecutionControl) throws -> TensorOperand {
        let rank = pooling.window.spatialRank
        guard x.shape.count >= rank, x.shape.count <= rank + 2 else {
            throw TensorError.shapeMismatch(
                "pool_layer with a \(rank)-D window expects spatial…, C × spatial… or N × C × spatial…, found "
                + "\(Tensor.describe(x.shape))")
        }
        var input = x
        var window = pooling.window
        if window.fill != .zero, window.padding.contains(where: { $0 != .none }) {
            let leading = x.shape.dropLast(rank).map { _ in (0, 0) }
            input = try input.padded(leading + window.padding.map { ($0.before, $0.after) }, mode: window.fill,
                                     control: control)
            window = window.with(padding: window.padding.map { _ in .none }, fill: .zero)
        }
        return try input.pooled(PoolingLayer(window: window, kind: pooling.kind), control: control)
    }

    /// An unshared or tiled layer over a batch: each image on its own.
    private func applyEach(_ layer: Layer, _ x: Tensor, control: ExecutionControl) throws -> Tensor {
        guard case .convolution(let convolution) = layer, x.rank == convolution.window.spatialRank + 2 else {
            return try layer(x, control: control)
        }
        let images = try (0..<x.shape[0]).map { try layer(x.subscripted([.index($0)], control: control), control: control) }
        return try Tensor.stacked(images, control: control)
    }

    /// The input as N × C × spatial…, checking its channels.
    static func batched(_ x: TensorOperand, rank: Int, channels: Int, name: String) throws -> TensorOperand {
        let shape = x.shape
        switch shape.count - rank {
        case 0 where channels == 1: return try x.reshaped([1, 1] + shape)
        case 1 where shape[0] == channels: return try x.reshaped([1] + shape)
        case 2 where shape[1] == channels: return x
        default:
            let spatial = rank == 1 ? "W" : "H × W"
            throw TensorError.shapeMismatch(
                "\(name) with \(channels) input channel(s) expects \(channels == 1 ? spatial + ", " : "")\(channels) × \(spatial) "
                + "or N × \(channels) × \(spatial), found \(Tensor.describe(shape))")
        }
    }
}
