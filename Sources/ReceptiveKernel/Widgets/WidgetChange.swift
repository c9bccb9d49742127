import JupyterProtocol
import ReceptiveLanguage

/// One trait change the front end asked for, checked against the model before anything is
/// applied: a wrong type, an out-of-range value or a trait the model does not let the front
/// end write rejects the whole update.
enum WidgetChange {
    /// A control's new value (a dropdown's selected option).
    case value(Control, Value)
    /// A trait kept on the model itself (`playing`, `repeat`, `outputs`, `msg_id`).
    case trait(String, JSONValue)

    /// Why an update was rejected.
    struct Rejection: Error, CustomStringConvertible {
        let description: String
    }

    /// Applies a checked change; true when it changed a control's value (which re-renders
    /// its interactions; setting a value to what it was does not, as in ipywidgets).
    func apply(to model: WidgetModel) -> Bool {
        switch self {
        case .value(let control, let value):
            return (try? control.set(value)) ?? false
        case .trait(let name, let value):
            model.traits[name] = value
            return false
        }
    }

    /// The changes `state` asks of `model`, or the reason it cannot be applied.
    static func parse(_ state: [String: JSONValue], for model: WidgetModel) throws(Rejection) -> [WidgetChange] {
        var changes: [WidgetChange] = []
        for (name, json) in state.sorted(by: { $0.key < $1.key }) {
            guard model.writableTraits.contains(name) else {
                throw Rejection(description: "'\(name)' is not a trait the front end may set on \(model.modelName)"
                    + " (settable: \(model.writableTraits.sorted().joined(separator: ", ")))")
            }
            changes.append(try change(name, json, model))
        }
        return changes
    }

    private static func change(_ name: String, _ json: JSONValue, _ model: WidgetModel) throws(Rejection) -> WidgetChange {
        switch (name, model.role) {
        case ("value", .control(let control)):
            let value: Value
            switch (control.kind, json) {
            case (.checkbox, .bool(let flag)): value = .bool(flag)
            case (.slider, .int(let number)), (.play, .int(let number)): value = .number(Double(number))
            case (.slider, .double(let number)) where !control.isInteger: value = .number(number)
            case (.slider, .double(let number)), (.play, .double(let number)):
                guard number == number.rounded() else {
                    throw Rejection(description: "'value' must be a whole number for \(model.modelName), found \(number)")
                }
                value = .number(number)
            default:
                throw Rejection(description: "'value' of \(model.modelName) has the wrong type: \(json.foundDescription)")
            }
            do {
                return .value(control, try control.checked(value))
            } catch {
                throw Rejection(description: "'value': \((error as? RuntimeError)?.message ?? "\(error)")")
            }
        case ("index", .control(let control)):
            guard let index = json.intValue, control.optionLabels.indices.contains(index) else {
                throw Rejection(description: "'index' must be an option's index in 0..<\(control.optionLabels.count), found \(json.foundDescription)")
            }
            return .value(control, control.option(at: index))
        case ("playing", _), ("repeat", _):
            guard case .bool = json else { throw Rejection(description: "'\(name)' must be a bool, found \(json.foundDescription)") }
            return .trait(name, json)
        case ("msg_id", _):
            guard case .string = json else { throw Rejection(description: "'msg_id' must be a string, found \(json.foundDescription)") }
            return .trait(name, json)
        case ("outputs", _):
            guard let outputs = json.arrayValue, outputs.allSatisfy({ $0.objectValue != nil }) else {
                throw Rejection(description: "'outputs' must be a list of output objects, found \(json.foundDescription)")
            }
            let size = json.serialized().count
            guard size <= WidgetManager.maximumOutputsBytes else {
                throw Rejection(description: "'outputs' of \(size) bytes exceeds the \(WidgetManager.maximumOutputsBytes)-byte limit")
            }
            return .trait(name, json)
        default:
            throw Rejection(description: "'\(name)' cannot be set on \(model.modelName)")
        }
    }
}
