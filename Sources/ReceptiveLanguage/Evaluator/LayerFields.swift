import Learning
import Tensors

/// The fields of a layer value (docs/language.md, "Learning"): `l.weight` and `l.bias` read, and assigned
/// with their shapes checked; a layer is shared by reference, so every name for it sees the
/// change.
enum LayerFields {
    /// The fields a layer offers.
    static let names = ["weight", "bias"]

    /// `l.weight` or `l.bias`: traced while a gradient with respect to the layer is taken, so
    /// that a penalty on the weights is differentiated too; `none` where the layer has none.
    static func read(_ name: String, of layer: TrainableLayer, tape: Tape?, control: ExecutionControl) throws -> Value {
        let bound = tape?.parameters(of: layer)
        if name == "bias" {
            if let traced = bound?.bias { return .traced(traced) }
            return layer.bias.map(Value.tensor) ?? .none
        }
        if let traced = bound?.weight { return .traced(traced) }
        return try layer.weight(control: control).map(Value.tensor) ?? .none
    }
}

extension Evaluator {
    /// `object.name = value`: a layer's weight or bias (the only assignable fields).
    func setField(_ name: String, of object: Value, to value: Value, at range: SourceRange) throws {
        guard case .layer(let layer) = object, LayerFields.names.contains(name) else {
            throw RuntimeError.fieldNotAssignable(name, of: object, at: range)
        }
        try catchingTensorErrors(at: range) {
            if name == "bias", case .none = value {
                try layer.setBias(nil)
                return
            }
            guard let tensor = BoundArguments.tensor(from: value) else {
                throw RuntimeError.layerFieldValue(name, of: layer.name, found: value, at: range)
            }
            if name == "bias" { try layer.setBias(tensor) } else { try layer.setWeight(tensor) }
        }
    }
}
