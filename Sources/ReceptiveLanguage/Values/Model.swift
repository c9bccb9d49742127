import Learning

/// A sequential model (docs/language.md, "Learning"): steps applied in order, each a layer, a model or any
/// one-argument function (a builtin such as `relu`, or a user function). Its layers are held by
/// reference, so a model trains the very layers it was built from; `copy()` clones them.
public final class Model: Sendable {
    /// The steps, in order: `.layer`, `.model` or `.function` values.
    public let steps: [Value]

    /// A model of `steps` (checked by `sequential`).
    init(steps: [Value]) {
        self.steps = steps
    }

    /// Every distinct layer, in the order the steps first reach it (nested models included).
    public var layers: [TrainableLayer] {
        var seen = Set<ObjectIdentifier>()
        var result: [TrainableLayer] = []
        func visit(_ steps: [Value]) {
            for step in steps {
                switch step {
                case .layer(let layer) where seen.insert(ObjectIdentifier(layer)).inserted: result.append(layer)
                case .model(let model): visit(model.steps)
                default: break
                }
            }
        }
        visit(steps)
        return result
    }

    /// The layers with weights, which gradients and optimizers reach.
    public var trainableLayers: [TrainableLayer] { layers.filter(\.isTrainable) }

    /// A model of the same steps with every layer cloned; a layer used twice stays one layer
    /// used twice in the copy.
    public func copy() -> Model {
        var clones: [ObjectIdentifier: TrainableLayer] = [:]
        func clone(_ steps: [Value]) -> [Value] {
            steps.map { step in
                switch step {
                case .layer(let layer):
                    let key = ObjectIdentifier(layer)
                    if let existing = clones[key] { return .layer(existing) }
                    let copy = layer.copy()
                    clones[key] = copy
                    return .layer(copy)
                case .model(let model): return .model(Model(steps: clone(model.steps)))
                default: return step
                }
            }
        }
        return Model(steps: clone(steps))
    }

    /// One line per step, as the model renders: `sequential: conv_layer 3×3, 1 → 8 channels, …`.
    var summary: String {
        let names = steps.map { step -> String in
            switch step {
            case .layer(let layer): return layer.layer.summary + (layer.bias == nil ? "" : ", bias")
            case .model(let model): return "sequential of \(model.steps.count) steps"
            case .function(let function): return function.name
            default: return step.resultText
            }
        }
        return "sequential\n" + names.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}
