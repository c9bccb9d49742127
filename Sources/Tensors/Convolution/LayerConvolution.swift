/// The argument checks and shape rules of torch's `conv1d`/`conv2d`, producing a plan.
///
/// Every rejection names the function, what was expected and what was found.
struct LayerConvolution {
    /// "conv1d" or "conv2d", for error messages.
    var name: String
    /// 1 or 2.
    var spatialRank: Int
    /// Per-axis step (one value for all axes, or one per axis).
    var stride: [Int]
    /// The padding rule.
    var padding: ConvolutionPadding
    /// Per-axis tap spacing (one value for all axes, or one per axis).
    var dilation: [Int]
    /// Channel groups.
    var groups: Int

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
        let axes = try spatialAxes(input: Array(inputShape.dropFirst(2)), kernel: Array(weightShape.dropFirst(2)))
        let plane = axes.count == 2 ? WindowPlane(rows: axes[0], columns: axes[1]) : .oneDimensional(axes[0])
        return ConvolutionPlan(batch: inputShape[0], inputChannels: inputShape[1],
                               outputChannels: outputChannels, groups: groups, plane: plane)
    }

    /// One geometry per spatial axis, after checking stride, dilation, padding and sizes.
    private func spatialAxes(input: [Int], kernel: [Int]) throws -> [WindowAxis] {
        let strides = try WindowArguments.perAxis(stride, "stride", name: name, spatialRank: spatialRank, minimum: 1)
        let dilations = try WindowArguments.perAxis(dilation, "dilation", name: name, spatialRank: spatialRank, minimum: 1)
        let pads = try paddings(kernel: kernel, dilations: dilations, strides: strides)
        var axes: [WindowAxis] = []
        for axis in 0..<spatialRank {
            let (before, after) = pads[axis]
            var geometry = WindowAxis(input: input[axis], kernel: kernel[axis], stride: strides[axis],
                                        dilation: dilations[axis], padBefore: before, output: 0)
            let padded = input[axis] + before + after
            guard padded >= geometry.effectiveKernel else {
                throw TensorError.shapeMismatch(
                    "\(name): the kernel spans \(Tensor.describe(effectiveKernel(kernel, dilations))) (with dilation) but the padded input is only \(Tensor.describe(paddedInput(input, pads))); use a smaller kernel or dilation, or more padding")
            }
            geometry.output = (padded - geometry.effectiveKernel) / strides[axis] + 1
            axes.append(geometry)
        }
        return axes
    }

    /// The zeros before and after each spatial axis.
    private func paddings(kernel: [Int], dilations: [Int], strides: [Int]) throws -> [(Int, Int)] {
        switch padding {
        case .valid:
            return Array(repeating: (0, 0), count: spatialRank)
        case .explicit(let values):
            return try WindowArguments.perAxis(values, "padding", name: name, spatialRank: spatialRank, minimum: 0).map { ($0, $0) }
        case .same:
            guard strides.allSatisfy({ $0 == 1 }) else {
                throw TensorError.invalidArgument(
                    "\(name): padding \"same\" needs stride 1 (as in torch), found stride \(strides.map(String.init).joined(separator: ", "))")
            }
            return (0..<spatialRank).map { axis in
                let total = dilations[axis] * (kernel[axis] - 1)
                return (total / 2, total - total / 2)
            }
        }
    }

    /// Checks that the bias holds one value per output channel.
    private func checkBias(_ bias: Tensor?, outputChannels: Int) throws {
        guard let bias else { return }
        guard bias.rank == 1, bias.count == outputChannels else {
            throw TensorError.shapeMismatch(
                "\(name): expected a bias of \(outputChannels) values (one per output channel), found \(Tensor.describe(bias.shape))")
        }
    }

    private func effectiveKernel(_ kernel: [Int], _ dilations: [Int]) -> [Int] {
        zip(kernel, dilations).map { $1 * ($0 - 1) + 1 }
    }

    private func paddedInput(_ input: [Int], _ pads: [(Int, Int)]) -> [Int] {
        zip(input, pads).map { $0 + $1.0 + $1.1 }
    }
}
