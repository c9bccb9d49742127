import JupyterProtocol
import ReceptiveLanguage

/// The full state of each model, trait for trait as ipywidgets 8.1 sends it (the fixture
/// `ipywidgets-states.json`, written by ipywidgets itself, holds the test's reference).
extension WidgetModel {
    /// The whole state, for `comm_open`, `request_state` and `update_states`.
    var state: [String: JSONValue] {
        var state = header
        switch role {
        case .control(let control): state.merge(Self.described(control), uniquingKeysWith: { $1 })
            state.merge(controlTraits(control), uniquingKeysWith: { $1 })
        case .output: state.merge(["msg_id": "", "outputs": []], uniquingKeysWith: { $1 })
        case .box(let children, _):
            state.merge(["box_style": "", "children": .array(children.map(WidgetProtocol.reference))],
                        uniquingKeysWith: { $1 })
        case .layout: for name in Self.layoutTraits { state[name] = .null }
        case .style(let name): state.merge(Self.styleTraits(name), uniquingKeysWith: { $1 })
        }
        state.merge(traits, uniquingKeysWith: { $1 })
        return state
    }

    /// The traits every model has (`_model_*`, `_view_*`), plus a DOM widget's layout, style and tooltip.
    private var header: [String: JSONValue] {
        var state: [String: JSONValue] = [
            "_model_module": .string(module.name), "_model_module_version": .string(module.version),
            "_model_name": .string(modelName), "_view_count": .null,
        ]
        switch role {
        case .style:
            state["_view_module"] = .string(WidgetProtocol.Module.base.name)
            state["_view_module_version"] = .string(WidgetProtocol.Module.base.version)
            state["_view_name"] = "StyleView"
        default:
            state["_view_module"] = .string(module.name)
            state["_view_module_version"] = .string(module.version)
            state["_view_name"] = .string(String(modelName.dropLast("Model".count)) + "View")
        }
        if let layout {
            state["_dom_classes"] = []
            state["layout"] = WidgetProtocol.reference(layout)
            state["tabbable"] = .null
            state["tooltip"] = .null
        }
        if let style { state["style"] = WidgetProtocol.reference(style) }
        return state
    }

    /// A labelled control's description traits.
    private static func described(_ control: Control) -> [String: JSONValue] {
        ["description": .string(control.label), "description_allow_html": false, "disabled": false]
    }

    /// The kind's own traits, with the control's current value.
    private func controlTraits(_ control: Control) -> [String: JSONValue] {
        switch control.kind {
        case .slider(let min, let max, let step):
            let integer = control.isInteger
            return [
                "behavior": "drag-tap", "continuous_update": true, "orientation": "horizontal", "readout": true,
                "readout_format": .string(integer ? "d" : Self.readoutFormat(step: step)),
                "min": Self.number(min, integer), "max": Self.number(max, integer),
                "step": Self.number(step, integer), "value": Self.json(control.value, integer: integer),
            ]
        case .dropdown:
            return ["_options_labels": .array(control.optionLabels.map { .string($0) }),
                    "index": control.selectedIndex.map { .int($0) } ?? .null]
        case .checkbox:
            return ["indent": true, "value": Self.json(control.value, integer: false)]
        case .play(let min, let max, let step, let interval):
            return ["interval": .int(interval), "min": .int(min), "max": .int(max), "step": .int(step),
                    "playing": false, "repeat": false, "show_repeat": true,
                    "value": Self.json(control.value, integer: true)]
        }
    }

    /// The traits the front end may change on this model: a control's value (a dropdown's
    /// index), a Play button's running state, and the Output's outputs and capture id.
    var writableTraits: Set<String> {
        switch role {
        case .control(let control):
            switch control.kind {
            case .dropdown: ["index"]
            case .play: ["value", "playing", "repeat"]
            case .slider, .checkbox: ["value"]
            }
        case .output: ["outputs", "msg_id"]
        case .box, .layout, .style: []
        }
    }

    /// A control value as JSON: a bool, or a number (an integer for integral controls).
    static func json(_ value: Value, integer: Bool) -> JSONValue {
        switch value {
        case .bool(let flag): .bool(flag)
        case .number(let scalar): number(scalar, integer)
        default: .null
        }
    }

    private static func number(_ number: Double, _ integer: Bool) -> JSONValue {
        integer && abs(number) < 9e15 ? .int(Int(number)) : .double(number)
    }

    /// Enough decimals to show every step of a float slider (".2f" for 0.05, ".3f" for 0.001).
    static func readoutFormat(step: Double) -> String {
        var decimals = 2
        var scaled = step * 100
        // A step such as 0.1 is not exact in binary: "whole after scaling" allows for that.
        while decimals < 10, abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            decimals += 1
            scaled *= 10
        }
        return ".\(decimals)f"
    }

    private static func styleTraits(_ name: String) -> [String: JSONValue] {
        switch name {
        case "SliderStyleModel": ["description_width": "", "handle_color": .null]
        case "CheckboxStyleModel": ["description_width": "", "background": .null]
        default: ["description_width": ""]
        }
    }

    /// Every CSS trait of `LayoutModel`, all null (the front end's defaults).
    static let layoutTraits = [
        "align_content", "align_items", "align_self", "border_bottom", "border_left", "border_right", "border_top",
        "bottom", "display", "flex", "flex_flow", "grid_area", "grid_auto_columns", "grid_auto_flow", "grid_auto_rows",
        "grid_column", "grid_gap", "grid_row", "grid_template_areas", "grid_template_columns", "grid_template_rows",
        "height", "justify_content", "justify_items", "left", "margin", "max_height", "max_width", "min_height",
        "min_width", "object_fit", "object_position", "order", "overflow", "padding", "right", "top", "visibility",
        "width",
    ]
}
