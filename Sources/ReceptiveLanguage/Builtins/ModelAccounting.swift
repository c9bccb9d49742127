import Learning
import Tensors

/// The book's counts for a model (docs/language.md, "Learning"): its layers' parameters and FLOPs, walking
/// the steps with the shape of one input so that each layer is counted on the input it sees.
enum ModelAccounting {
    /// The parameters of every distinct layer (a layer used twice counts once, as shared weights
    /// are one set), each counted on the input it meets when `input` is given.
    static func params(_ model: Model, input: [Int]?, context: any BuiltinContext) throws -> Int {
        guard let input else { return try model.layers.reduce(0) { try $0 + $1.params(input: nil) } }
        var counted = Set<ObjectIdentifier>()
        var total = 0
        try walk(model, input: input, context: context) { layer, shape in
            guard counted.insert(ObjectIdentifier(layer)).inserted else { return }
            total += try layer.params(input: shape)
        }
        return total
    }

    /// The FLOPs of one input through every step: each layer as `flops` counts it (a layer used
    /// twice costs twice); functions such as relu are not counted.
    static func flops(_ model: Model, input: [Int], context: any BuiltinContext) throws -> Int {
        var total = 0
        try walk(model, input: input, context: context) { layer, shape in
            total += try flops(layer, input: shape, control: context.control)
        }
        return total
    }

    /// A layer's FLOPs on `input`, a bias adding one addition per output.
    static func flops(_ layer: TrainableLayer, input: [Int], control: ExecutionControl) throws -> Int {
        var count = try layer.layer.flops(input: input, control: control)
        if layer.bias != nil { count += try Tensor.elementCount(of: layer.layer.outputShape(input: input)) }
        return count
    }

    /// Calls `visit` with each layer and the shape of its input; a function step is run on
    /// zeros of its input's shape to learn the shape of its output.
    private static func walk(_ model: Model, input: [Int], context: any BuiltinContext,
                             _ visit: (TrainableLayer, [Int]) throws -> Void) throws {
        var shape = input
        for step in model.steps {
            switch step {
            case .layer(let layer):
                try visit(layer, shape)
                shape = try layer.layer.outputShape(input: shape)
            case .model(let inner):
                try walk(inner, input: shape, context: context, visit)
                shape = try outputShape(of: step, input: shape, context: context)
            default:
                shape = try outputShape(of: step, input: shape, context: context)
            }
        }
    }

    private static func outputShape(of step: Value, input: [Int], context: any BuiltinContext) throws -> [Int] {
        let result = try context.call(step, [Value(tensor: try Tensor(repeating: 0, shape: input, control: context.control))])
        guard let tensor = BoundArguments.tensor(from: result) else {
            throw RuntimeError(.type, "a model step gave \(result.typeDescription), not a tensor")
        }
        return tensor.shape
    }
}
