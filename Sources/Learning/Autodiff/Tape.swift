import Synchronization
import Tensors

/// The record of the operations made on traced tensors while one gradient is taken, run
/// backwards to give the gradients (reverse-mode automatic differentiation).
///
/// A tape exists only while `grad`, `value_and_grad` or one step of `train` runs: plain tensors
/// never see one, so code that takes no gradient pays nothing. Each node is an operation's
/// result; it remembers which traced inputs it came from and a rule that turns the gradient of
/// its result into the gradient of one input. `gradients(of:withRespectTo:)` runs the nodes in
/// reverse order once and closes the tape, releasing every saved tensor as soon as its node is
/// done (the peak memory of a backward pass is what the forward pass saved, as in torch).
///
/// A tape is used by the one thread that runs the session's code; the mutex only makes the
/// class honestly `Sendable`, so that traced tensors can live in the language's values.
public final class Tape: Sendable {
    /// The gradient of one input of a node, given the gradient of the node's result. The result
    /// may have the broadcast shape of the operation; the tape sums it down to the input's shape.
    public typealias Rule = @Sendable (_ outputGradient: Tensor, _ input: Int) throws -> Tensor

    /// One recorded operation (or a leaf, which has no parents and no rule).
    struct Node: Sendable {
        /// The traced inputs: the input's position among the operation's operands and its node.
        var parents: [(position: Int, node: Int)]
        /// The operation's gradient rule; nil for leaves.
        var rule: Rule?
        /// The shape of the node's value, which its gradient must have.
        var shape: [Int]
    }

    /// The control that the backward pass's tensor operations run under.
    public let control: ExecutionControl
    private let nodes = Mutex<[Node]>([])
    private let open = Atomic<Bool>(true)
    /// The variables standing for each layer's weight and bias while this tape records; the
    /// layer is kept alive so that its identifier cannot be reused.
    private let bindings = Mutex<[ObjectIdentifier: (layer: TrainableLayer, parameters: LayerParameters)]>([:])

    /// Creates an empty, open tape whose backward pass runs under `control`.
    public init(control: ExecutionControl) {
        self.control = control
    }

    /// Whether operations are still recorded; a closed tape's traced tensors act as plain ones.
    public var isOpen: Bool { open.load(ordering: .relaxed) }

    /// Stops recording and releases every node (called when a gradient has been taken, or when
    /// the code that opened the tape fails).
    public func close() {
        open.store(false, ordering: .relaxed)
        nodes.withLock { $0 = [] }
        bindings.withLock { $0 = [:] }
    }

    /// Makes `layer`'s weight and bias variables of this tape (once; later calls give the same
    /// variables), so that applying the layer while the tape records traces them.
    @discardableResult
    public func bind(_ layer: TrainableLayer, control: ExecutionControl) throws -> LayerParameters {
        if let existing = parameters(of: layer) { return existing }
        let weight = try layer.weight(control: control).map { leaf($0) }
        let bias = layer.bias.map { leaf($0) }
        let parameters = LayerParameters(weight: weight, bias: bias)
        bindings.withLock { $0[ObjectIdentifier(layer)] = (layer, parameters) }
        return parameters
    }

    /// The variables bound to `layer`, if it was bound.
    public func parameters(of layer: TrainableLayer) -> LayerParameters? {
        guard isOpen else { return nil }
        return bindings.withLock { $0[ObjectIdentifier(layer)]?.parameters }
    }

    /// A new variable to differentiate with respect to.
    public func leaf(_ value: Tensor) -> TracedTensor {
        TracedTensor(value: value, tape: self, node: append(Node(parents: [], rule: nil, shape: value.shape)))
    }

    /// Records `value`, computed from operands of which `parents` are traced on this tape.
    func record(_ value: Tensor, parents: [(position: Int, node: Int)], rule: @escaping Rule) -> TracedTensor {
        TracedTensor(value: value, tape: self, node: append(Node(parents: parents, rule: rule, shape: value.shape)))
    }

    private func append(_ node: Node) -> Int {
        nodes.withLock { nodes in
            nodes.append(node)
            return nodes.count - 1
        }
    }

    /// The gradient of `output` (a traced scalar) with respect to each of `leaves`: a tensor of
    /// each leaf's shape, zeros where the output does not depend on it. Closes the tape.
    public func gradients(of output: TracedTensor, withRespectTo leaves: [TracedTensor]) throws -> [Tensor] {
        guard output.tape === self, output.value.count == 1 else {
            throw TensorError.invalidArgument(
                "a gradient is taken of one number recorded on this tape, found a tensor \(Tensor.describe(output.value.shape))")
        }
        var recorded = nodes.withLock { nodes in
            let taken = nodes
            nodes = []
            return taken
        }
        defer { close() }
        var gradients = [Tensor?](repeating: nil, count: recorded.count)
        gradients[output.node] = try Tensor(repeating: 1, shape: output.value.shape, control: control)
        for index in stride(from: output.node, through: 0, by: -1) {
            // Leaves have no rule: their gradients stay for the caller.
            guard let gradient = gradients[index], let rule = recorded[index].rule else { continue }
            // Every contribution to this node came from later nodes, already run.
            gradients[index] = nil
            let parents = recorded[index].parents
            // The node's saved tensors are no longer needed once its rule has run.
            recorded[index].rule = nil
            for (position, parent) in parents {
                try control.checkInterrupt()
                var contribution = try rule(gradient, position)
                let shape = recorded[parent].shape
                if contribution.shape != shape {
                    contribution = try contribution.summed(toShape: shape, control: control)
                }
                if var total = gradients[parent] {
                    // Taken out of the array first, so that the sum is written in place.
                    gradients[parent] = nil
                    try total.accumulate(contribution, control: control)
                    gradients[parent] = total
                } else {
                    gradients[parent] = contribution
                }
            }
        }
        return try leaves.map { leaf in
            guard leaf.tape === self else {
                throw TensorError.invalidArgument("a gradient is taken with respect to variables of its own tape")
            }
            if let gradient = gradients[leaf.node] { return gradient }
            return try Tensor(repeating: 0, shape: leaf.value.shape, control: control)
        }
    }
}
