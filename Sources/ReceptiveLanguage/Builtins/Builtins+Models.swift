import Learning
import Tensors

extension Builtins {
    /// Models (docs/language.md, "Learning"): `sequential` and `copy`.
    static var models: [Builtin] { [sequential, copy] }

    private static let sequential = Builtin(
        "sequential", [Parameter("steps", kind: .variadic)],
        summary: "A model: the steps applied in order, each a layer, a model or a one-argument function (relu, a user function).",
        details: """
            The model holds its layers by reference: training it trains them. m(x) runs the steps; m.layers lists
            the distinct layers; params(m) and flops(m, input:) add up its layers. A dense layer after convolutions
            takes their N × C × H × W output as N × (C·H·W).
            """
    ) { arguments, _ in
        guard !arguments.variadic.isEmpty else {
            throw arguments.valueError("steps", "needs at least one step: layers, models or one-argument functions")
        }
        for (index, step) in arguments.variadic.enumerated() {
            switch step {
            case .layer, .model, .function: continue
            default:
                throw RuntimeError(.type, "sequential: expected a layer, a model or a function for step \(index + 1), "
                                   + "found \(step.typeDescription)")
            }
        }
        return .model(Model(steps: arguments.variadic))
    }

    private static let copy = Builtin(
        "copy", [Parameter("value")],
        summary: "A layer or model with its own copy of the weights (layers and models are otherwise shared by reference).",
        details: "Other values (tensors, numbers, lists) are values already: copy returns them as they are."
    ) { arguments, _ in
        switch arguments.value("value") {
        case .layer(let layer): return .layer(layer.copy())
        case .model(let model): return .model(model.copy())
        case let other: return other.constant
        }
    }
}
