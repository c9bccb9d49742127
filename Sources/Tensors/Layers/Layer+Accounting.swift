extension Layer {
    /// The number of weights (no biases). Locally connected layers hold one kernel per output
    /// position, so they need the input shape; other layers ignore it.
    public func params(input: [Int]? = nil) throws -> Int {
        switch self {
        case .dense(let layer):
            return layer.inputs * layer.outputs
        case .pooling:
            return 0
        case .convolution(let layer):
            guard case .unshared = layer.sharing else { return layer.copies(positions: 0) * layer.kernelWeightCount }
            guard let input else {
                throw TensorError.invalidArgument(
                    "locally_connected has one kernel per output position, so its parameter count depends on "
                    + "the input; pass input: (the input shape)")
            }
            let plan = try spatialPlan(input: input)
            return try Layer.product(plan.positions, layer.kernelWeightCount, what: "parameter count")
        }
    }

    /// The bytes the weights take as 64-bit floats: 8 × params.
    public func memoryBytes(input: [Int]? = nil) throws -> Int {
        try Layer.product(try params(input: input), 8, what: "memory size")
    }

    /// Arithmetic operations for one input of shape `input`, counted as Deep Learning §9.2 does:
    /// an output that sees k inputs costs k multiplications and k − 1 additions. Taps that fall
    /// on zero padding are not counted. Max pooling costs k − 1 comparisons, average pooling k.
    public func flops(input: [Int], control: ExecutionControl) throws -> Int {
        switch self {
        case .dense(let layer):
            try layer.checkInput(input)
            return try Layer.product(layer.outputs, 2 * layer.inputs - 1, what: "FLOP count")
        case .convolution(let layer):
            let counts = try tapCounts(input: input, control: control)
            let connected = counts.taps * layer.inChannels
            return try Layer.product(layer.outChannels, 2 * connected - counts.nonEmptyOutputs, what: "FLOP count")
        case .pooling(let layer):
            let counts = try tapCounts(input: input, control: control)
            let channels = try spatialPlan(input: input).channels
            let perChannel = layer.kind == .max ? counts.taps - counts.nonEmptyOutputs : counts.taps
            return try Layer.product(channels, perChannel, what: "FLOP count")
        }
    }

    /// Summed over one channel's output positions: the taps landing on real (or wrapped)
    /// input, and the outputs with at least one such tap. Axes are independent, so each total
    /// is a product of per-axis sums.
    func tapCounts(input: [Int], control: ExecutionControl) throws -> (taps: Int, nonEmptyOutputs: Int) {
        let plan = try spatialPlan(input: input)
        var taps = 1
        var nonEmpty = 1
        for axis in plan.axes {
            let counts = try axis.insideCounts(control: control)
            taps = try Layer.product(taps, counts.taps, what: "FLOP count")
            nonEmpty = try Layer.product(nonEmpty, counts.outputs, what: "FLOP count")
        }
        return (taps, nonEmpty)
    }

    static func product(_ first: Int, _ second: Int, what: String) throws -> Int {
        let (result, overflow) = first.multipliedReportingOverflow(by: second)
        guard !overflow else { throw TensorError.limitExceeded("the \(what) is too large to represent") }
        return result
    }
}

extension Layer {
    /// The nonzero entries of the layer's matrix on `input`: one per connection.
    public func matrixEntries(input: [Int], control: ExecutionControl) throws -> Int {
        switch self {
        case .dense(let layer):
            try layer.checkInput(input)
            return layer.inputs * layer.outputs
        case .convolution(let layer):
            let taps = try tapCounts(input: input, control: control).taps
            return try Layer.product(layer.outChannels * layer.inChannels, taps, what: "entry count")
        case .pooling:
            let taps = try tapCounts(input: input, control: control).taps
            return try Layer.product(try spatialPlan(input: input).channels, taps, what: "entry count")
        }
    }
}
