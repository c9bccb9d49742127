/// Lists, for each output unit of a layer on a given input shape, the input units it sees and
/// the index of the weight on each connection. Connectivity, sharing, `as_matrix`, FLOP
/// counts and receptive fields are all read from here, one row at a time, never densely.
struct ConnectionEnumerator {
    /// Index used for connections that carry no weight (pooling).
    static let noWeight = -1

    /// The layer being enumerated.
    let layer: Layer
    /// The number of output units (matrix rows).
    let outputCount: Int
    /// The number of input units (matrix columns).
    let inputCount: Int
    /// The most connections any one output has.
    let maximumFanIn: Int
    private let plan: SpatialPlan?
    private let plane: PlaneGeometry?

    /// Prepares to enumerate `layer` on an input of shape `input`.
    init(_ layer: Layer, input: [Int]) throws {
        self.layer = layer
        switch layer {
        case .dense(let dense):
            try dense.checkInput(input)
            outputCount = dense.outputs
            inputCount = dense.inputs
            maximumFanIn = dense.inputs
            plan = nil
            plane = nil
        case .convolution(let convolution):
            let plan = try layer.spatialPlan(input: input)
            (outputCount, inputCount) = (plan.outputCount, plan.inputCount)
            maximumFanIn = convolution.inChannels * convolution.geometry.kernelCount
            self.plan = plan
            plane = PlaneGeometry(plan)
        case .pooling(let pooling):
            let plan = try layer.spatialPlan(input: input)
            (outputCount, inputCount) = (plan.outputCount, plan.inputCount)
            maximumFanIn = pooling.geometry.kernelCount
            self.plan = plan
            plane = PlaneGeometry(plan)
        }
    }

    /// Calls `body(input, weightIndex)` for every connection of output unit `output`, in
    /// channel-then-tap order (weight indices are 0-based; `noWeight` for pooling).
    func forEachConnection(of output: Int, _ body: (_ input: Int, _ weight: Int) -> Void) {
        switch layer {
        case .dense(let dense):
            for input in 0..<dense.inputs { body(input, output * dense.inputs + input) }
        case .convolution(let convolution):
            guard let plan, let plane else { return }
            let (outChannel, position) = output.quotientAndRemainder(dividingBy: plan.positions)
            let (row, column) = position.quotientAndRemainder(dividingBy: plane.outputWidth)
            let copy = convolution.copy(row: row, column: column, position: position)
            for channel in 0..<plan.channels {
                forEachTap(row: row, column: column, channel: channel, plane: plane, plan: plan) { input, tap in
                    body(input, convolution.weightIndex(copy: copy, output: outChannel, channel: channel, tap: tap))
                }
            }
        case .pooling:
            guard let plan, let plane else { return }
            let (channel, position) = output.quotientAndRemainder(dividingBy: plan.positions)
            let (row, column) = position.quotientAndRemainder(dividingBy: plane.outputWidth)
            forEachTap(row: row, column: column, channel: channel, plane: plane, plan: plan) { input, _ in
                body(input, ConnectionEnumerator.noWeight)
            }
        }
    }

    /// The value of the weight with index `index`; pooling connections weigh 1/taps (average).
    func weightValue(_ index: Int) -> Double {
        switch layer {
        case .dense(let dense): return dense.weights.weight(index)
        case .convolution(let convolution): return convolution.weightValue(index)
        case .pooling(let pooling): return 1 / Double(pooling.geometry.kernelCount)
        }
    }

    @inline(__always)
    private func forEachTap(row: Int, column: Int, channel: Int, plane: PlaneGeometry, plan: SpatialPlan,
                            _ body: (_ input: Int, _ tap: Int) -> Void) {
        let channelBase = channel * plan.inputPositions
        for tapRow in 0..<plane.kernelHeight {
            guard let inputRow = plane.inputRow(row, tap: tapRow) else { continue }
            let rowBase = channelBase + inputRow * plane.inputWidth
            for tapColumn in 0..<plane.kernelWidth {
                guard let inputColumn = plane.inputColumn(column, tap: tapColumn) else { continue }
                body(rowBase + inputColumn, tapRow * plane.kernelWidth + tapColumn)
            }
        }
    }
}
