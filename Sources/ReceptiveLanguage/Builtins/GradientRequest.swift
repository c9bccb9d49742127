import Learning
import Tensors

/// One evaluation of `grad` or `value_and_grad`: a tape opened for the call, the arguments
/// made its variables, the function run once, its result run backwards, the tape closed.
struct GradientRequest {
    /// The builtin's name, for errors.
    let function: String
    /// What is differentiated: a function, layer or model.
    let callee: Value
    /// The arguments it is called with; the gradient is taken with respect to each.
    let arguments: [Value]

    init(_ bound: BoundArguments, function: String) throws {
        self.function = function
        callee = bound.value("f")
        switch callee {
        case .function, .layer, .model: break
        default: throw RuntimeError.notAFunction(function, found: callee)
        }
        arguments = bound.variadic
        guard !arguments.isEmpty else { throw RuntimeError.gradientNeedsArguments(function) }
    }

    /// The function's value and the gradients (one value, or a tuple for several arguments).
    func run(context: any BuiltinContext) throws -> (value: Value, gradient: Value) {
        guard context.tape == nil else { throw RuntimeError.nestedGradient(function) }
        let tape = Tape(control: context.control)
        context.tape = tape
        defer {
            context.tape = nil
            tape.close()
        }
        var leaves: [TracedTensor] = []
        let traced = try arguments.enumerated().map { index, argument in
            try variable(argument, position: index + 1, tape: tape, leaves: &leaves)
        }
        let result = try context.call(callee, traced)
        let output = try scalar(result)
        let gradients: [Tensor]
        if let trace = output.trace {
            gradients = try tape.gradients(of: trace, withRespectTo: leaves)
        } else {
            // The result does not depend on the arguments: every gradient is zero.
            gradients = try leaves.map { try Tensor(repeating: 0, shape: $0.value.shape, control: context.control) }
        }
        var remaining = gradients[...]
        let results = arguments.map { argument in gradient(of: argument, from: &remaining) }
        return (Value(tensor: output.value), results.count == 1 ? results[0] : .tuple(results))
    }

    /// The argument as the function receives it: a tensor or number becomes a leaf of the tape.
    private func variable(_ argument: Value, position: Int, tape: Tape, leaves: inout [TracedTensor]) throws -> Value {
        switch argument {
        case .number, .tensor, .traced:
            guard let tensor = BoundArguments.tensor(from: argument) else { break }
            let leaf = tape.leaf(tensor)
            leaves.append(leaf)
            return .traced(leaf)
        case .layer(let layer):
            guard layer.isTrainable else { throw RuntimeError.untrainableLayer(function, layer.name) }
            leaves += try GradientRequest.bind(layer, tape: tape)
            return argument
        case .model(let model):
            for layer in model.trainableLayers { leaves += try GradientRequest.bind(layer, tape: tape) }
            return argument
        default:
            break
        }
        throw RuntimeError.notDifferentiable(function, argument: position, found: argument)
    }

    /// The function's result as one number.
    private func scalar(_ result: Value) throws -> TensorOperand {
        guard let operand = result.operand, operand.value.count == 1, !isSequence(result) else {
            throw RuntimeError.gradientOfNonNumber(function, found: result)
        }
        return operand
    }

    private func isSequence(_ value: Value) -> Bool {
        switch value {
        case .tuple, .list: return true
        default: return false
        }
    }

    /// The leaves of a layer's weight and bias, in that order. A layer met twice (shared by
    /// two models, say) keeps the variables of its first binding, and its second gets them again,
    /// so each of its gradients is the whole gradient.
    private static func bind(_ layer: TrainableLayer, tape: Tape) throws -> [TracedTensor] {
        let parameters = try tape.bind(layer, control: tape.control)
        return [parameters.weight, parameters.bias].compactMap { $0 }
    }

    /// The gradient for one argument, taken from the front of `gradients` (in leaf order).
    private func gradient(of argument: Value, from gradients: inout ArraySlice<Tensor>) -> Value {
        switch argument {
        case .layer(let layer):
            return GradientRequest.record(layer, from: &gradients)
        case .model(let model):
            return .list(model.trainableLayers.map { GradientRequest.record($0, from: &gradients) })
        case .number:
            return Value(tensor: gradients.removeFirst())
        default:
            return .tensor(gradients.removeFirst())
        }
    }

    /// A layer's gradient as a record (weight:, bias:), bias none without one.
    private static func record(_ layer: TrainableLayer, from gradients: inout ArraySlice<Tensor>) -> Value {
        let weight = Value.tensor(gradients.removeFirst())
        let bias = layer.bias == nil ? Value.none : .tensor(gradients.removeFirst())
        return .record(Record(typeName: "grad", fields: [("weight", weight), ("bias", bias)]))
    }
}
