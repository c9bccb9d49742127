/// The argument checks and shape rules of torch's `conv1d`/`conv2d`, producing a plan.
///
/// Every rejection names the function, what was expected and what was found.
struct LayerConvolution {
    /// "conv1d" or "conv2d", for error messages.
    var name: String
    /// 1 or 2.
    var spatialRank: Int
    /// Stride, padding, dilation and groups.
    var options: ConvolutionOptions

    /// Checks the operands, runs the plan and shapes the result like torch.
    func apply(to input: Tensor, weight: Tensor, bias: Tensor?, control: ExecutionControl) throws -> Tensor {
        let batched = try checkRanks(input: input.shape, weight: weight.shape)
        let inputShape = batched ? input.shape : [1] + input.shape
        let plan = try plan(inputShape: inputShape, weightShape: weight.shape)
        try checkBias(bias, outputChannels: plan.outputChannels)
        let scalars = try plan.run(input: input.scalars, weight: weight.scalars, bias: bias?.scalars, control: control)
        let spatial = spatialRank == 2 ? [plan.plane.rows.output, plan.plane.columns.output] : [plan.plane.columns.output]
        let shape = (batched ? [plan.batch] : []) + [plan.outputChannels] + spatial
        return Tensor(validatedShape: shape, scalars: scalars)
    }

    /// Whether the input is batched; throws unless input and weight have the ranks torch accepts.
    private func checkRanks(input: [Int], weight: [Int]) throws -> Bool {
        let axes = spatialRank == 2 ? "H×W" : "W"
        guard input.count == spatialRank + 1 || input.count == spatialRank + 2 else {
            throw TensorError.shapeMismatch(
                "\(name): expected the input to be C×\(axes) or N×C×\(axes), found \(Tensor.describe(input))")
        }
        let kernelAxes = spatialRank == 2 ? "kH×kW" : "k"
        guard weight.count == spatialRank + 2 else {
            throw TensorError.shapeMismatch(
                "\(name): expected the weight to be O×(C/groups)×\(kernelAxes), found \(Tensor.describe(weight))")
        }
        guard weight.allSatisfy({ $0 > 0 }) else {
            throw TensorError.shapeMismatch("\(name): the weight \(Tensor.describe(weight)) has an empty axis")
        }
        guard input.suffix(spatialRank).allSatisfy({ $0 > 0 }) else {
            throw TensorError.shapeMismatch(
                "\(name): the input \(Tensor.describe(input)) has an empty spatial axis; only the batch may be empty")
        }
        return input.count == spatialRank + 2
    }

    /// Builds the plan from an N×C×spatial input shape and the weight shape.
    private func plan(inputShape: [Int], weightShape: [Int]) throws -> ConvolutionPlan {
        let groups = options.groups
        guard groups > 0 else {
            throw TensorError.invalidArgument("\(name): groups must be positive, found \(groups)")
        }
        let outputChannels = weightShape[0]
        guard outputChannels % groups == 0 else {
            throw TensorError.shapeMismatch(
                "\(name): the weight's \(outputChannels) output channels must be divisible by groups=\(groups)")
        }
        guard inputShape[1] == weightShape[1] * groups else {
            throw TensorError.shapeMismatch(
                "\(name): with groups=\(groups) and weight \(Tensor.describe(weightShape)) the input needs \(weightShape[1] * groups) channels, found \(inputShape[1]) (input \(Tensor.describe(inputShape)))")
        }
        let window = try options.window.window(kernelShape: Array(weightShape.dropFirst(2)), name: name)
        let axes = try window.axes(input: Array(inputShape.dropFirst(2)), name: name)
        return ConvolutionPlan(batch: inputShape[0], inputChannels: inputShape[1], outputChannels: outputChannels,
                               groups: groups, plane: WindowPlane(axes), multipliesPadding: true)
    }

    /// Checks that the bias holds one value per output channel.
    private func checkBias(_ bias: Tensor?, outputChannels: Int) throws {
        guard let bias else { return }
        guard bias.rank == 1, bias.count == outputChannels else {
            throw TensorError.shapeMismatch(
                "\(name): expected a bias of \(outputChannels) values (one per output channel), found \(Tensor.describe(bias.shape))")
        }
    }
}
