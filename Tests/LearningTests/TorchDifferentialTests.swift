import Testing
import Tensors
@testable import Learning

// Tolerance: 1e-12 × the case's `scale`. For products, convolutions, sums and means the scale
// is the same gradient computed from |inputs| and |r|: the sum of the magnitudes of every term
// of each gradient element, so any summation order (torch's and ours differ) is within
// (terms)·2^-53·scale of the exact value; the cases have at most a few thousand terms, so both
// are within about 5e-13·scale of each other. For the elementwise rules each gradient element
// is one expression with a few roundings and libm calls (≤ 1 ulp each), far inside 1e-12 of the
// largest gradient. A wrong rule, a misplaced index or a different choice at a kink or tie
// changes an element by the order of a whole term, far outside. Non-finite elements (NaN from
// max over NaN, ±inf from sqrt′(0)) must appear in the same places.
private let relativeTolerance = 1e-12

@Test(arguments: ["autodiff", "convolution", "pooling", "losses"])
func gradientsMatchTorch(_ name: String) throws {
    let file = try TorchFixtures.load(name)
    #expect(file.reference.hasPrefix("torch 2."))
    #expect(file.cases.count >= 30)
    for (index, item) in file.cases.enumerated() {
        let label = "\(name) case \(index): \(item.op) \(item.inputs.map(\.shape))"
        let control = ExecutionControl()
        let tape = Tape(control: control)
        let inputs = try item.inputs.map { try $0.tensor() }
        var leaves: [TracedTensor] = []
        let operands: [TensorOperand] = inputs.enumerated().map { position, tensor in
            guard item.grads[position] != nil else { return .plain(tensor) }
            let leaf = tape.leaf(tensor)
            leaves.append(leaf)
            return .traced(leaf)
        }
        let output = try TorchCase.run(item, operands, control: control)
        let expectedValue = try item.value.tensor()
        let valueScale = expectedValue.scalars.filter(\.isFinite).map(abs).max() ?? 0
        // The forward passes have their own differential suites; this only shows that the
        // case ran the function torch ran.
        guard let valueDifference = TorchFixtures.difference(output.value, expectedValue),
              valueDifference <= 1e-10 * (1 + valueScale) else {
            Issue.record("\(label): value differs from torch's")
            continue
        }
        let loss = try output.combined(with: .plain(item.r.tensor()), .multiply, control: control)
            .reduced(.sum, control: control)
        guard case .traced(let traced) = loss else {
            Issue.record("\(label): the result is not traced")
            continue
        }
        let gradients = try tape.gradients(of: traced, withRespectTo: leaves)
        var next = 0
        for (position, stored) in item.grads.enumerated() {
            guard let stored else { continue }
            defer { next += 1 }
            let difference = TorchFixtures.difference(gradients[next], try stored.tensor())
            #expect(difference.map { $0 <= relativeTolerance * item.scale } == true,
                    "\(label): gradient \(position) differs by \(difference.map { "\($0)" } ?? "non-finite places or shape")")
        }
    }
}

/// The Learning operation each fixture case names.
private enum TorchCase {
    static let binary: [String: BinaryOperation] = [
        "add": .add, "subtract": .subtract, "multiply": .multiply, "divide": .divide, "power": .power,
        "remainder": .remainder,
    ]

    static func run(_ item: TorchFixtures.Case, _ x: [TensorOperand], control: ExecutionControl) throws -> TensorOperand {
        if let operation = binary[item.op] { return try x[0].combined(with: x[1], operation, control: control) }
        if let function = UnaryFunction(rawValue: item.op) { return try x[0].applying(function, control: control) }
        if let reduction = Reduction(rawValue: item.op) {
            let axis = item.options["axis"] == nil ? nil : try item.integers("axis")[0]
            return try x[0].reduced(reduction, axis: axis, control: control)
        }
        switch item.op {
        case "softmax", "log_softmax":
            return try x[0].softmax(axis: item.integers("axis")[0], logarithm: item.op == "log_softmax", control: control)
        case "mse":
            return try Losses.meanSquaredError(x[0], x[1], control: control).reshaped([1])
        case "cross_entropy":
            return try Losses.crossEntropy(x[0], labels: x[1].value, control: control).reshaped([1])
        case "clip":
            return try x[0].clipped(low: item.number("low"), high: item.number("high"), control: control)
        case "matmul": return try x[0].matmul(x[1], control: control)
        case "reshape": return try x[0].reshaped(item.integers("shape"))
        case "transpose": return try x[0].transposed(item.integers("axes"), control: control)
        case "flip": return try x[0].flipped(axes: item.integers("axes"), control: control)
        case "roll": return try x[0].rolled(by: item.integers("by"), axes: item.integers("axes"), control: control)
        case "stack": return try TensorOperand.stacked([x[0], x[1], x[0]], axis: item.integers("axis")[0], control: control)
        case "concat": return try TensorOperand.concatenated([x[1], x[0]], axis: item.integers("axis")[0], control: control)
        case "pad":
            guard case .pairs(let pairs) = item.options["widths"] else { throw TorchFixtures.Malformed(reason: "pad widths") }
            return try x[0].padded(pairs.map { ($0[0], $0[1]) }, mode: .zero, control: control)
        case "slice":
            let rows = try item.integers("rows")
            return try x[0].subscripted([.slice(start: rows[0], stop: rows[1], step: rows[2]),
                                         .index(item.integers("column")[0])], control: control)
        case "conv1d", "conv2d":
            return try TensorOperand.convolution(x[0], weight: x[1], bias: x.count > 2 ? x[2] : nil,
                                                 spatialRank: item.op == "conv1d" ? 1 : 2,
                                                 options: convolutionOptions(item), control: control)
        case "correlate", "convolve":
            guard case .text(let name) = item.options["mode"], let mode = SignalMode(rawValue: name) else {
                throw TorchFixtures.Malformed(reason: "mode")
            }
            return try TensorOperand.signalCorrelation(x[0], x[1], mode: mode, flipsKernel: item.op == "convolve",
                                                       control: control)
        case "maxpool", "avgpool":
            return try x[0].pooled(item.op == "maxpool" ? .max : .average, spatialRank: item.integers("spatial")[0],
                                   size: item.integers("size"), stride: item.integers("stride"),
                                   padding: item.integers("padding"), control: control)
        default:
            throw TorchFixtures.Malformed(reason: "unknown operation \(item.op)")
        }
    }

    static func convolutionOptions(_ item: TorchFixtures.Case) throws -> ConvolutionOptions {
        let padding: WindowPadding
        switch item.options["padding"] {
        case .text("same"): padding = .same
        case .text("valid"): padding = .valid
        default: padding = .widths(try item.integers("padding"))
        }
        return ConvolutionOptions(stride: try item.integers("stride"), padding: padding,
                                  dilation: try item.integers("dilation"), groups: try item.integers("groups")[0])
    }
}
