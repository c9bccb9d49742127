/// A fully connected layer: every output unit sees every input unit through its own weight
/// (the "traditional neural network layer" of Deep Learning §9.2).
///
/// Random weights are never stored: weight (i, j) is drawn from the seed when needed, so the
/// book's 89,600 → 89,320 layer costs nothing until it is applied. Trained or assigned weights
/// are a `outputs × inputs` tensor, torch's `nn.Linear` layout.
public struct DenseLayer: Sendable, Equatable {
    /// The number of input units (n).
    public let inputs: Int
    /// The number of output units (m).
    public let outputs: Int
    /// The weights, weight (i, j) at index i·n + j.
    public let weights: KernelWeights

    /// Creates a dense layer with random weights drawn from `seed`.
    public init(inputs: Int, outputs: Int, seed: UInt64 = 0) throws {
        guard inputs >= 1, outputs >= 1 else {
            throw TensorError.invalidArgument(
                "a dense layer needs ≥ 1 input and output, found \(inputs) inputs and \(outputs) outputs")
        }
        guard !inputs.multipliedReportingOverflow(by: outputs).overflow else {
            throw TensorError.limitExceeded("a dense layer of \(inputs) × \(outputs) weights is too large to count")
        }
        self.inputs = inputs
        self.outputs = outputs
        self.weights = .seeded(SeededWeights(seed: seed, fanIn: inputs))
    }

    /// A dense layer with the given `outputs × inputs` weights.
    public init(weights: Tensor) throws {
        guard weights.rank == 2, weights.shape.allSatisfy({ $0 >= 1 }) else {
            throw TensorError.shapeMismatch(
                "dense weights are outputs × inputs, found a tensor \(Tensor.describe(weights.shape))")
        }
        inputs = weights.shape[1]
        outputs = weights.shape[0]
        self.weights = .given(weights)
    }

    /// The weight from input `input` to output `output`.
    @inline(__always)
    func weight(output: Int, input: Int) -> Double {
        switch weights {
        case .given(let tensor): return tensor.scalars[output * inputs + input]
        case .seeded(let generator): return generator.weight(output * inputs + input)
        }
    }
}
