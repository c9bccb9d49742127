import Tensors
import TextPlots
import WholeNumbers

/// How values look as cell results, in `print`, and inside other values (docs/language.md#rendering).
extension Value {
    /// The value as a cell result or `show` display: tensors and plots as figures, everything
    /// else as its one-line result text, in the options' charset (a plot keeps the charset it
    /// was drawn in).
    public func rendered(options: RenderOptions) -> Figure {
        let charset = options.charset
        switch self {
        case .tensor(let tensor): return TensorFormatter.render(tensor, options: options)
        case .plot(let figure): return figure
        case .sparse(let matrix): return SparseMatrixFormatter.render(matrix, options: options)
        case .record(let record):
            return record.tableFigure(charset: charset) ?? Figure(text: charset.spell(record.renderedText))
        case .traced(let traced): return Value(tensor: traced.value).rendered(options: options)
        case .model(let model): return Figure(text: charset.spell(model.summary))
        default: return Figure(text: charset.spell(resultText))
        }
    }

    /// The text `print` writes: strings without quotes, everything else as rendered.
    public func printedText(options: RenderOptions) -> String {
        if case .string(let text) = self { return text }
        return rendered(options: options).text
    }

    /// The value written on one line as a result: strings quoted, tensors by shape inside
    /// containers.
    public var resultText: String {
        switch self {
        case .number(let number): return Value.format(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return Value.quoted(text)
        case .none: return "none"
        case .tensor(let tensor): return "tensor " + Tensor.describe(tensor.shape)
        case .tuple(let items):
            let inner = items.map(\.resultText).joined(separator: ", ")
            return items.count == 1 ? "(\(inner),)" : "(\(inner))"
        case .list(let items): return "[" + items.map(\.resultText).joined(separator: ", ") + "]"
        case .record(let record): return "\(record.typeName)(" + record.fields.map { "\($0.name): \($0.value.resultText)" }.joined(separator: ", ") + ")"
        case .function(let function as UserFunction) where function.isAnonymous:
            return "fn(" + function.parameters.map(\.signatureText).joined(separator: ", ") + ")"
        case .function(let function): return (function is UserFunction ? "fn " : "builtin ") + function.signature
        case .range(let numbers): return numbers.text
        case .plot(let figure): return "plot \(figure.text.split(separator: "\n").count) lines"
        case .layer(let layer): return layer.layer.summary + (layer.bias == nil ? "" : ", bias")
        case .optimizer(let optimizer): return optimizer.summary
        case .model(let model): return "sequential of \(model.steps.count) steps, \(model.trainableLayers.count) trainable layers"
        case .control(let control): return control.resultText
        case .sparse(let matrix): return SparseMatrixFormatter.summary(matrix)
        case .traced(let traced): return Value(tensor: traced.value).resultText
        }
    }

    /// A number in the shortest form that reads back to the same Double; integral values
    /// without a decimal point.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number > 0 ? "inf" : "-inf" }
        if let whole = number.wholeNumber { return String(whole) }
        return "\(number)"
    }

    /// A string literal that reads back as `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension Record {
    /// The record as a result: its type name, then one `name: value` line per field.
    var renderedText: String {
        let width = fields.map(\.name.count).max() ?? 0
        let lines = fields.map { field in
            "  " + field.name + ":" + String(repeating: " ", count: width - field.name.count + 1) + field.value.resultText
        }
        return ([typeName] + lines).joined(separator: "\n")
    }
}
