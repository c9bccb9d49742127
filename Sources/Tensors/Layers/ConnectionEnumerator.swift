/// Lists, for each output unit of a layer on a given input shape, the input units it sees and
/// the index of the weight on each connection. Connectivity, sharing, `as_matrix`, FLOP
/// counts and receptive fields are all read from here, one row at a time, never densely.
///
/// Everything a row needs is prepared up front and stored flat (the windows as stored
/// properties, not an enum payload, which Swift copied on every row: connectivity of the figure
/// 9.6 layer, 89,320 rows, took 15% more instructions that way).
struct ConnectionEnumerator {
    /// Index used for connections that carry no weight (pooling).
    static let noWeight = -1

    /// The number of output units (matrix rows).
    let outputCount: Int
    /// The number of input units (matrix columns).
    let inputCount: Int
    /// The most connections any one output has.
    let maximumFanIn: Int
    /// The inputs of a dense layer (every output sees all of them); nil for a kernel.
    private let denseInputs: Int?
    /// The kernel's windows (single axes for a dense layer).
    private let rows: WindowAxis
    private let columns: WindowAxis
    /// Output and input positions per channel.
    private let positions: Int
    private let inputPositions: Int
    private let channels: Int
    private let outChannels: Int
    private let taps: Int
    private let sharing: ConvolutionLayer.Sharing?
    private let weights: WeightSource

    /// Prepares to enumerate `layer` on an input of shape `input`.
    init(_ layer: Layer, input: [Int]) throws {
        switch layer {
        case .dense(let dense):
            try dense.checkInput(input)
            (outputCount, inputCount, maximumFanIn) = (dense.outputs, dense.inputs, dense.inputs)
            (denseInputs, rows, columns) = (dense.inputs, .single, .single)
            (positions, inputPositions) = (dense.outputs, dense.inputs)
            (channels, outChannels, taps, sharing) = (1, dense.outputs, dense.inputs, nil)
            weights = WeightSource(dense.weights)
        case .convolution(let convolution):
            let plan = try layer.spatialPlan(input: input)
            (outputCount, inputCount) = (plan.outputCount, plan.inputCount)
            maximumFanIn = convolution.inChannels * convolution.window.kernelCount
            (denseInputs, rows, columns) = (nil, plan.plane.rows, plan.plane.columns)
            (positions, inputPositions) = (plan.positions, plan.inputPositions)
            (channels, outChannels, taps) = (plan.channels, plan.outChannels, convolution.window.kernelCount)
            sharing = convolution.sharing
            weights = WeightSource(convolution.weights)
        case .pooling(let pooling):
            let plan = try layer.spatialPlan(input: input)
            (outputCount, inputCount) = (plan.outputCount, plan.inputCount)
            maximumFanIn = pooling.window.kernelCount
            (denseInputs, rows, columns) = (nil, plan.plane.rows, plan.plane.columns)
            (positions, inputPositions) = (plan.positions, plan.inputPositions)
            (channels, outChannels, taps, sharing) = (plan.channels, plan.outChannels, pooling.window.kernelCount, nil)
            weights = .constant(1 / Double(pooling.window.kernelCount))
        }
    }

    /// Calls `body(input, weightIndex)` for every connection of output unit `output`, in
    /// ascending input order unless padding wraps (weight indices are 0-based; `noWeight`
    /// for pooling).
    func forEachConnection(of output: Int, _ body: (_ input: Int, _ weight: Int) -> Void) {
        if let inputs = denseInputs {
            for input in 0..<inputs { body(input, output * inputs + input) }
            return
        }
        do {
            let (outChannel, position) = output.quotientAndRemainder(dividingBy: positions)
            let (row, column) = position.quotientAndRemainder(dividingBy: columns.output)
            let firstChannel = sharing == nil ? outChannel : 0
            let lastChannel = sharing == nil ? outChannel : channels - 1
            let base = sharing.map { weightBase(copy: $0.copy(row: row, column: column, position: position), outChannel: outChannel) }
            for channel in firstChannel...lastChannel {
                let channelBase = channel * inputPositions
                let weightOffset = base.map { $0 + channel * taps } ?? ConnectionEnumerator.noWeight
                for tapRow in 0..<rows.kernel {
                    guard let inputRow = rows.source(output: row, tap: tapRow) else { continue }
                    let rowBase = channelBase + inputRow * columns.input
                    for tapColumn in 0..<columns.kernel {
                        guard let inputColumn = columns.source(output: column, tap: tapColumn) else { continue }
                        let tap = tapRow * columns.kernel + tapColumn
                        body(rowBase + inputColumn, base == nil ? weightOffset : weightOffset + tap)
                    }
                }
            }
        }
    }

    /// Whether every output sees every input (a dense layer).
    var isFullyConnected: Bool { denseInputs != nil }

    /// The value of the weight with index `index`; pooling connections weigh 1/taps (average).
    @inline(__always)
    func weightValue(_ index: Int) -> Double { weights.value(index) }

    @inline(__always)
    private func weightBase(copy: Int, outChannel: Int) -> Int {
        (copy * outChannels + outChannel) * channels * taps
    }
}

/// Weight values by index without touching the layer value on every connection.
private enum WeightSource {
    case given([Double])
    case seeded(SeededWeights)
    case constant(Double)

    init(_ weights: KernelWeights) {
        switch weights {
        case .given(let kernel): self = .given(kernel.scalars)
        case .seeded(let generator): self = .seeded(generator)
        }
    }

    @inline(__always)
    func value(_ index: Int) -> Double {
        switch self {
        case .given(let scalars): return scalars[index % scalars.count]
        case .seeded(let generator): return generator.weight(index)
        case .constant(let value): return value
        }
    }
}
