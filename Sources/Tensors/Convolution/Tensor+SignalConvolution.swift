extension Tensor {
    /// Convolves with `kernel` (flipped) exactly as `scipy.signal.convolve(self, kernel, mode)`,
    /// for tensors of rank 1 or 2.
    public func convolved(with kernel: Tensor, mode: SignalMode = .valid, control: ExecutionControl) throws -> Tensor {
        try SignalConvolution.run(self, kernel, mode: mode, flipsKernel: true, control: control)
    }

    /// Cross-correlates with `kernel` exactly as `scipy.signal.correlate(self, kernel, mode)`,
    /// for tensors of rank 1 or 2.
    ///
    /// In `same` mode the result is the full correlation cropped from index `(m - 1) / 2`
    /// (rounded down) on each axis, as `scipy.signal.correlate` and `numpy.correlate` do; note
    /// that `scipy.signal.correlate2d` crops from `m / 2` instead, so the two differ for an
    /// even kernel length.
    public func correlated(with kernel: Tensor, mode: SignalMode = .valid, control: ExecutionControl) throws -> Tensor {
        try SignalConvolution.run(self, kernel, mode: mode, flipsKernel: false, control: control)
    }
}

/// The shape rules of `scipy.signal.convolve`/`correlate`, turned into a one-channel plan.
enum SignalConvolution {
    /// Validates the operands and computes the result.
    static func run(_ input: Tensor, _ kernel: Tensor, mode: SignalMode, flipsKernel: Bool,
                    control: ExecutionControl) throws -> Tensor {
        let name = flipsKernel ? "convolve" : "correlate"
        guard input.rank == kernel.rank else {
            throw TensorError.shapeMismatch(
                "\(name): the input and the kernel need the same rank, found \(Tensor.describe(input.shape)) and \(Tensor.describe(kernel.shape))")
        }
        guard input.rank == 1 || input.rank == 2 else {
            throw TensorError.invalidArgument(
                "\(name): expected tensors of rank 1 or 2, found rank \(input.rank) (\(Tensor.describe(input.shape)))")
        }
        // scipy returns an empty array when either operand is empty.
        guard input.count > 0, kernel.count > 0 else { return Tensor(validatedShape: [0], scalars: []) }
        if mode == .valid { try checkValidShapes(input.shape, kernel.shape, name: name) }
        // Every mode's window fits: scipy's paddings make at least one output per axis.
        let axes = zip(input.shape, kernel.shape).compactMap { n, m in
            WindowAxis(input: n, kernel: m, padding: mode.padding(input: n, kernel: m))
        }
        let plan = ConvolutionPlan(batch: 1, inputChannels: 1, outputChannels: 1, groups: 1, plane: WindowPlane(axes),
                                   multipliesPadding: false)
        let weights = flipsKernel ? Array(kernel.scalars.reversed()) : kernel.scalars
        let scalars = try plan.run(input: input.scalars, weight: weights, bias: nil, control: control)
        return Tensor(validatedShape: axes.map(\.output), scalars: scalars)
    }

    /// scipy's rule for `valid`: one operand must be at least as large as the other on every axis.
    static func checkValidShapes(_ input: [Int], _ kernel: [Int], name: String) throws {
        let inputCovers = zip(input, kernel).allSatisfy { $0 >= $1 }
        let kernelCovers = zip(input, kernel).allSatisfy { $0 <= $1 }
        guard inputCovers || kernelCovers else {
            throw TensorError.shapeMismatch(
                "\(name): mode \"valid\" needs one operand at least as large as the other on every axis, found input \(Tensor.describe(input)) and kernel \(Tensor.describe(kernel)); use mode \"same\" or \"full\"")
        }
    }
}
