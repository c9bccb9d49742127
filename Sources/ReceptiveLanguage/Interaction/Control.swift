/// An interactive control (docs/language.md, "Interaction"): a slider, dropdown, checkbox or play button, and
/// the one model of its current value. A front end with widgets draws it and sends changes
/// back through `set(_:)`; without one, its value is the default `interact` runs with.
///
/// A control is a reference: `k = slider(1, 7)` used in two `interact`s is one control, and a
/// change from either drives both (as one ipywidgets model with two views). It is touched only
/// on the session's thread (a cell, or a widget callback the kernel runs on the same thread),
/// which is what makes the unchecked conformance sound.
public final class Control: @unchecked Sendable {
    /// What kind of control, with its fixed parameters.
    public enum Kind: Sendable {
        /// A slider over `min...max` in steps of `step`; integral when all three are whole
        /// numbers (and so is the value), as ipywidgets' IntSlider, else a FloatSlider.
        case slider(min: Double, max: Double, step: Double)
        /// A drop-down list choosing one of `options` (labels are their printed text).
        case dropdown(options: [Value])
        /// A check box.
        case checkbox
        /// A play button stepping an integer from `min` to `max` by `step` every `intervalMilliseconds`.
        case play(min: Int, max: Int, step: Int, intervalMilliseconds: Int)
    }

    /// The kind and its parameters.
    public let kind: Kind
    /// The label shown beside it (ipywidgets' `description`); `interact` gives an unlabelled
    /// control its argument's name, as ipywidgets' interact does.
    public internal(set) var label: String
    /// The current value: a number (slider, play), one of the options (dropdown) or a bool.
    public private(set) var value: Value

    /// A control whose `value` has already been checked with `checked(_:)`.
    init(kind: Kind, label: String, value: Value) {
        self.kind = kind
        self.label = label
        self.value = value
    }

    /// A separate control with this one's kind, label and value now (for the debugger's
    /// snapshots, which other threads read).
    func copy() -> Control {
        Control(kind: kind, label: label, value: value)
    }

    /// Whether a slider is integral (an IntSlider): whole bounds, step and value.
    public var isInteger: Bool {
        switch kind {
        case .slider(let min, let max, let step):
            return [min, max, step].allSatisfy { $0 == $0.rounded() } && isWhole(value)
        case .play: return true
        case .dropdown, .checkbox: return false
        }
    }

    /// A dropdown's option labels (empty for other kinds).
    public var optionLabels: [String] {
        guard case .dropdown(let options) = kind else { return [] }
        return options.map(\.optionLabel)
    }

    /// A dropdown's selected index (nil for other kinds).
    public var selectedIndex: Int? {
        guard case .dropdown(let options) = kind else { return nil }
        return options.firstIndex { Value.structurallyEqual($0, value) }
    }

    /// Sets the value from the front end and says whether it changed; throws, leaving the
    /// value unchanged, when `newValue` has the wrong type or lies outside the control's range.
    @discardableResult
    public func set(_ newValue: Value) throws -> Bool {
        let checked = try checked(newValue)
        defer { value = checked }
        return !Value.structurallyEqual(value, checked)
    }

    /// A dropdown's option `index` (an index of `optionLabels`); none for other kinds.
    public func option(at index: Int) -> Value {
        guard case .dropdown(let options) = kind, options.indices.contains(index) else { return .none }
        return options[index]
    }

    /// `newValue` when it suits this control, else a TypeError or ValueError saying why.
    public func checked(_ newValue: Value) throws -> Value {
        switch kind {
        case .slider(let min, let max, _):
            return try inRange(newValue, min, max)
        case .play(let min, let max, _, _):
            let number = try inRange(newValue, Double(min), Double(max))
            guard isWhole(number) else {
                throw RuntimeError(.value, "a play control counts in whole numbers, found \(number.resultText)")
            }
            return number
        case .dropdown(let options):
            guard options.contains(where: { Value.structurallyEqual($0, newValue) }) else {
                throw RuntimeError(.value, "expected one of the dropdown's options "
                    + "(\(options.map(\.resultText).joined(separator: ", "))), found \(newValue.resultText)")
            }
            return newValue
        case .checkbox:
            guard case .bool = newValue else {
                throw RuntimeError(.type, "expected a bool for a checkbox, found \(newValue.typeDescription)")
            }
            return newValue
        }
    }

    private func inRange(_ newValue: Value, _ min: Double, _ max: Double) throws -> Value {
        guard case .number(let number) = newValue, number.isFinite else {
            throw RuntimeError(.type, "expected a finite number for a \(kindName), found \(newValue.typeDescription)")
        }
        guard number >= min, number <= max else {
            throw RuntimeError(.value, "expected a number in \(Value.format(min))…\(Value.format(max)) for a \(kindName), found \(Value.format(number))")
        }
        return newValue
    }

    private func isWhole(_ value: Value) -> Bool {
        guard case .number(let number) = value else { return false }
        return number == number.rounded()
    }

    /// "slider", "dropdown", "checkbox" or "play".
    public var kindName: String {
        switch kind {
        case .slider: "slider"
        case .dropdown: "dropdown"
        case .checkbox: "checkbox"
        case .play: "play"
        }
    }

    /// One line: `slider 1…7 step 1 = 3 "k"`.
    var resultText: String {
        let labelText = label.isEmpty ? "" : " " + Value.quoted(label)
        switch kind {
        case .slider(let min, let max, let step):
            return "\(kindName) \(Value.format(min))…\(Value.format(max)) step \(Value.format(step)) = \(value.resultText)\(labelText)"
        case .play(let min, let max, let step, _):
            return "\(kindName) \(min)…\(max) step \(step) = \(value.resultText)\(labelText)"
        case .dropdown(let options):
            return "dropdown of \(options.count) = \(value.resultText)\(labelText)"
        case .checkbox:
            return "checkbox = \(value.resultText)\(labelText)"
        }
    }
}

extension Value {
    /// The number, when the value is one.
    var number: Double? {
        guard case .number(let number) = self else { return nil }
        return number
    }

    /// How a dropdown lists the value: strings without quotes, everything else as a result.
    var optionLabel: String {
        if case .string(let text) = self { return text }
        return resultText
    }
}
