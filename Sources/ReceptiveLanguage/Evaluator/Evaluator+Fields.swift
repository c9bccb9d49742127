import Tensors

/// `.field` access: tensor properties and record fields.
extension Evaluator {
    /// The fields each kind of value offers, for errors and completion.
    static func fieldNames(of value: Value) -> [String] {
        switch value {
        case .tensor, .traced: return ["shape", "rank", "size", "T"]
        case .record(let record): return record.fields.map(\.name)
        case .tuple, .list, .string: return ["length"]
        case .sparse: return ["shape", "nnz", "density"]
        case .layer: return LayerFields.names
        case .model: return ["layers", "steps"]
        case .control: return ["value", "label"]
        default: return []
        }
    }

    func field(_ name: String, of value: Value, at range: SourceRange) throws -> Value {
        switch (value, name) {
        case (.tensor(let tensor), "shape"): return .list(tensor.shape.map { .number(Double($0)) })
        case (.tensor(let tensor), "rank"): return .number(Double(tensor.rank))
        case (.tensor(let tensor), "size"): return .number(Double(tensor.count))
        case (.tensor(let tensor), "T"):
            return Value(tensor: try catchingTensorErrors(at: range) { try tensor.transposed(control: control) })
        case (.traced(let traced), _): return try tracedField(name, of: traced, at: range)
        case (.model(let model), "layers"): return .list(model.layers.map(Value.layer))
        case (.model(let model), "steps"): return .list(model.steps)
        case (.layer(let layer), _) where LayerFields.names.contains(name):
            return try catchingTensorErrors(at: range) { try LayerFields.read(name, of: layer, tape: tape, control: control) }
        case (.tuple(let items), "length"), (.list(let items), "length"): return .number(Double(items.count))
        case (.string(let text), "length"): return .number(Double(text.count))
        case (.sparse(let matrix), "shape"): return .list(matrix.shape.map { .number(Double($0)) })
        case (.sparse(let matrix), "nnz"): return .number(Double(matrix.nnz))
        case (.sparse(let matrix), "density"): return .number(matrix.density)
        case (.control(let control), "value"): return control.value
        case (.control(let control), "label"): return .string(control.label)
        case (.record(let record), _):
            if let field = record[name] { return field }
        default:
            break
        }
        let names = Evaluator.fieldNames(of: value)
        throw RuntimeError.unknownField(name, of: value, valid: names,
                                        suggestion: NameSuggestion.nearest(to: name, among: names), at: range)
    }
}
