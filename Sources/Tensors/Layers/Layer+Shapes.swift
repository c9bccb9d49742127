extension Layer {
    /// The shape of `self(x)` for an input `x` of shape `input`.
    public func outputShape(input: [Int]) throws -> [Int] {
        switch self {
        case .dense(let layer):
            try layer.checkInput(input)
            return [layer.outputs]
        case .convolution, .pooling:
            return try spatialPlan(input: input).outputShape
        }
    }

    /// The plan of a convolution-like layer on `input`; dense layers have none.
    func spatialPlan(input: [Int]) throws -> SpatialPlan {
        switch self {
        case .dense:
            throw TensorError.invalidArgument("a dense layer has no kernel to lay on its input")
        case .convolution(let layer):
            return try SpatialPlan(layer.window, input: input, inChannels: layer.inChannels,
                                   outChannels: layer.outChannels, layerName: name)
        case .pooling(let layer):
            return try SpatialPlan(layer.window, input: input, inChannels: nil, outChannels: nil,
                                   layerName: name)
        }
    }
}

extension DenseLayer {
    /// Throws a shape error unless `input` holds exactly `inputs` values.
    public func checkInput(_ input: [Int]) throws {
        let count = try Tensor.elementCount(of: input)
        guard count == inputs else {
            let found = input.count == 1 ? "\(count) values" : "\(Tensor.describe(input)) (\(count) values)"
            throw TensorError.shapeMismatch(
                "dense_layer \(inputs) → \(outputs) expects an input of \(inputs) values, found "
                + "\(found); a dense layer only fits one input size")
        }
    }
}
