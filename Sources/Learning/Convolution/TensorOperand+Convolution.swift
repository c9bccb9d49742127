import Tensors

extension TensorOperand {
    /// `conv1d` (spatialRank 1) or `conv2d` (2) as torch.nn.functional computes them, with
    /// gradients with respect to the input, the weight and the bias for every stride, padding,
    /// dilation and number of groups (see `ConvolutionGradient`).
    public static func convolution(_ x: TensorOperand, weight w: TensorOperand, bias: TensorOperand?,
                                   spatialRank: Int, options: ConvolutionOptions,
                                   control: ExecutionControl) throws -> TensorOperand {
        let input = x.value, weight = w.value
        let result = spatialRank == 1
            ? try input.conv1d(weight: weight, bias: bias?.value, options: options, control: control)
            : try input.conv2d(weight: weight, bias: bias?.value, options: options, control: control)
        let operands = [x, w] + (bias.map { [$0] } ?? [])
        guard operands.contains(where: \.isTraced) else { return .plain(result) }
        let name = spatialRank == 1 ? "conv1d" : "conv2d"
        let batched = input.rank == spatialRank + 2
        let spatial = Array(input.shape.suffix(spatialRank))
        let windowOptions = WindowOptions(stride: options.stride, padding: options.padding, dilation: options.dilation)
        let axes = try windowOptions.window(kernelShape: Array(weight.shape.dropFirst(2)), name: name)
            .axes(input: spatial, name: name)
        let planes = try planeAxes(axes, name: name)
        let gradient = ConvolutionGradient(
            batch: batched ? input.shape[0] : 1, inputChannels: input.shape[batched ? 1 : 0],
            outputChannels: weight.shape[0], groups: options.groups, rows: planes.rows, columns: planes.columns)
        // Everything as N×C×H×W and O×C/G×kH×kW (a 1-D axis is the columns of one row).
        let input4 = try input.reshaped([gradient.batch, gradient.inputChannels, planes.rows.input, planes.columns.input])
        let weight4 = try weight.reshaped([weight.shape[0], weight.shape[1], planes.rows.kernel, planes.columns.kernel])
        return TensorOperand.result(result, of: operands) { g, position in
            let g4 = try g.reshaped([gradient.batch, gradient.outputChannels, planes.rows.output, planes.columns.output])
            switch position {
            case 0: return try gradient.inputGradient(g4, weight: weight4, control: control).reshaped(input.shape)
            case 1: return try gradient.weightGradient(g4, input: input4, control: control).reshaped(weight.shape)
            default: return try gradient.biasGradient(g4, control: control)
            }
        }
    }

    /// `correlate` (or, with `flipsKernel`, `convolve`) exactly as scipy.signal computes it, with
    /// gradients with respect to both operands: the same rules as a one-channel `conv2d` with
    /// scipy's padding for `mode`. A convolution is the correlation with the kernel flipped.
    public static func signalCorrelation(_ x: TensorOperand, _ k: TensorOperand, mode: SignalMode, flipsKernel: Bool,
                                         control: ExecutionControl) throws -> TensorOperand {
        if flipsKernel {
            let flipped = try k.flipped(axes: nil, control: control)
            return try signalCorrelation(x, flipped, mode: mode, flipsKernel: false, control: control)
        }
        let input = x.value, kernel = k.value
        let result = try input.correlated(with: kernel, mode: mode, control: control)
        guard x.isTraced || k.isTraced else { return .plain(result) }
        guard input.count > 0, kernel.count > 0 else {
            return TensorOperand.result(result, of: [x, k]) { _, position in
                try Tensor(repeating: 0, shape: position == 0 ? input.shape : kernel.shape, control: control)
            }
        }
        let pairs = zip(input.shape, kernel.shape).map { mode.padding(input: $0, kernel: $1) }
        let axes = try WindowOptions(padding: .pairs(pairs)).window(kernelShape: kernel.shape, name: "correlate")
            .axes(input: input.shape, name: "correlate")
        let planes = try planeAxes(axes, name: "correlate")
        let gradient = ConvolutionGradient(batch: 1, inputChannels: 1, outputChannels: 1, groups: 1,
                                           rows: planes.rows, columns: planes.columns)
        let input4 = try input.reshaped([1, 1, planes.rows.input, planes.columns.input])
        let kernel4 = try kernel.reshaped([1, 1, planes.rows.kernel, planes.columns.kernel])
        return TensorOperand.result(result, of: [x, k]) { g, position in
            let g4 = try g.reshaped([1, 1, planes.rows.output, planes.columns.output])
            return position == 0
                ? try gradient.inputGradient(g4, weight: kernel4, control: control).reshaped(input.shape)
                : try gradient.weightGradient(g4, input: input4, control: control).reshaped(kernel.shape)
        }
    }

    /// The two axes of a plane; one axis is the columns of a plane of one row.
    static func planeAxes(_ axes: [WindowAxis], name: String) throws -> (rows: WindowAxis, columns: WindowAxis) {
        if axes.count == 2 { return (axes[0], axes[1]) }
        let single = try WindowOptions().window(kernelShape: [1], name: name).axes(input: [1], name: name)[0]
        return (single, axes[0])
    }
}
