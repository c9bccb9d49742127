import Tensors
import WholeNumbers

/// How the debugger's variables panel shows a value: a type, a one-line preview, and the
/// values inside it (a list's items, a record's fields, a tensor's rows, a layer's properties).
extension Value {
    /// The type the panel shows. JupyterLab's tree shows the *value* only for the type names
    /// of Python's scalars (`float`, `bool`, `str`) and the type for anything else, so numbers,
    /// bools and strings take those names (a number is a Double) and the rest say what they
    /// are with their shape: `tensor 3×4`, `conv_layer`, `sparse 6×6`.
    var inspectionType: String {
        switch self {
        case .number: return "float"
        case .bool: return "bool"
        case .string: return "str"
        case .none: return "none"
        case .tensor(let tensor): return "tensor " + Tensor.describe(tensor.shape)
        case .tuple: return "tuple"
        case .list: return "list"
        case .record(let record): return record.typeName + " record"
        case .function(let function): return function is UserFunction ? "fn" : "builtin"
        case .plot: return "plot"
        case .layer(let layer): return layer.name
        case .sparse(let matrix): return "sparse " + Tensor.describe(matrix.shape)
        case .range: return "range"
        case .control(let control): return control.kindName
        case .model: return "sequential"
        case .optimizer(let optimizer):
            switch optimizer.rule {
            case .sgd: return "sgd"
            case .adam: return "adam"
            }
        case .traced(let traced): return Value(tensor: traced.value).inspectionType
        }
    }

    /// The value on one line of at most `limit` characters: a tensor's elements in brackets,
    /// anything else as its result text, cut with "…".
    func inspectionPreview(limit: Int = 100) -> String {
        switch self {
        case .tensor(let tensor) where tensor.rank > 0:
            var text = ""
            Value.appendElements(of: tensor, axis: 0, offset: 0, to: &text, limit: limit)
            return text
        case .layer(let layer):
            return Value.clipped(layer.summary, limit: limit)
        default:
            return Value.clipped(resultText, limit: limit)
        }
    }

    /// How many values are inside this one and whether they are indexed (items, rows) rather
    /// than named (fields, properties); nil when it has none to show.
    var inspectionChildCount: (count: Int, indexed: Bool)? {
        switch self {
        case .tensor(let tensor) where tensor.rank > 0 && tensor.count > 0: return (tensor.shape[0], true)
        case .tuple(let items) where !items.isEmpty, .list(let items) where !items.isEmpty: return (items.count, true)
        case .range(let numbers) where numbers.count > 0: return (numbers.count, true)
        case .record(let record) where !record.fields.isEmpty: return (record.fields.count, false)
        case .layer(let layer): return (layer.inspectedPropertyNames.count, false)
        default: return nil
        }
    }

    /// The children in `range` (of `0..<inspectionChildCount.count`), each with its step.
    func inspectionChildren(_ range: Range<Int>, control: ExecutionControl) -> [(step: VariablePath.Step, value: Value)] {
        switch self {
        case .record(let record):
            return record.fields[range].map { (.field($0.name), $0.value) }
        case .layer(let layer):
            return layer.inspectedPropertyNames[range].map { (.field($0), layer.inspectedProperty($0, control: control) ?? .none) }
        default:
            return range.compactMap { index in inspectionChild(.index(index), control: control).map { (.index(index), $0) } }
        }
    }

    /// The value one step inside this one, or nil when the step leads nowhere.
    func inspectionChild(_ step: VariablePath.Step, control: ExecutionControl) -> Value? {
        switch (self, step) {
        case (.tuple(let items), .index(let index)), (.list(let items), .index(let index)):
            return items.indices.contains(index) ? items[index] : nil
        case (.range(let numbers), .index(let index)):
            return (0..<numbers.count).contains(index) ? .number(numbers[index]) : nil
        case (.tensor(let tensor), .index(let index)):
            guard tensor.rank > 0, (0..<tensor.shape[0]).contains(index) else { return nil }
            guard tensor.rank > 1 else { return .number(tensor.scalars[index]) }
            let rowShape = Array(tensor.shape.dropFirst())
            let size = rowShape.reduce(1, *)
            return (try? Tensor(shape: rowShape, scalars: Array(tensor.scalars[(index * size)..<((index + 1) * size)])))
                .map { .tensor($0) }
        case (.record(let record), .field(let name)):
            return record[name]
        case (.layer(let layer), .field(let name)):
            return layer.inspectedProperty(name, control: control)
        default:
            return nil
        }
    }

    /// Appends `tensor`'s elements from `axis` on at `offset`, nested in brackets, stopping
    /// with "…" once `text` reaches `limit` characters.
    private static func appendElements(of tensor: Tensor, axis: Int, offset: Int, to text: inout String, limit: Int) {
        text += "["
        let stride = tensor.shape[(axis + 1)...].reduce(1, *)
        for index in 0..<tensor.shape[axis] {
            if index > 0 { text += ", " }
            guard text.count < limit else {
                text += "…"
                break
            }
            if axis == tensor.rank - 1 {
                text += Value.format(tensor.scalars[offset + index])
            } else {
                appendElements(of: tensor, axis: axis + 1, offset: offset + index * stride, to: &text, limit: limit)
            }
        }
        text += "]"
    }

    /// `text` on one line, cut to `limit` characters with "…".
    private static func clipped(_ text: String, limit: Int) -> String {
        let line = String(text.map { $0 == "\n" ? " " : $0 })
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}
