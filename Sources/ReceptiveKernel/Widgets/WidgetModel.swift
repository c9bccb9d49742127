import JupyterProtocol
import ReceptiveLanguage

/// One ipywidgets model the kernel holds, known to the front end by its comm id.
///
/// A control's value lives in its `Control` (the language's one model of it); this only
/// writes that value as the widget state the front end expects and keeps the few traits that
/// have no home in the language (a Play button's `playing`, an Output's `outputs`).
final class WidgetModel {
    /// What the model is.
    enum Role {
        /// A slider, dropdown, checkbox or play button.
        case control(Control)
        /// An output area (`OutputModel`) showing an interaction's function's output.
        case output
        /// A horizontal or vertical box of other models, by id.
        case box(children: [String], horizontal: Bool)
        /// A `LayoutModel`: every CSS trait left to the front end's default.
        case layout
        /// A style model (`SliderStyleModel`, `DescriptionStyleModel`, `CheckboxStyleModel`).
        case style(String)
    }

    /// The comm id, which is also the model id.
    let id: String
    /// What it is.
    let role: Role
    /// The ids of its layout and style models (nil for a layout or style itself).
    let layout: String?
    let style: String?
    /// Traits kept here rather than in the language: see the type's comment.
    var traits: [String: JSONValue]

    init(id: String, role: Role, layout: String? = nil, style: String? = nil, traits: [String: JSONValue] = [:]) {
        self.id = id
        self.role = role
        self.layout = layout
        self.style = style
        self.traits = traits
    }

    /// `_model_name`.
    var modelName: String {
        switch role {
        case .control(let control):
            switch control.kind {
            case .slider: control.isInteger ? "IntSliderModel" : "FloatSliderModel"
            case .dropdown: "DropdownModel"
            case .checkbox: "CheckboxModel"
            case .play: "PlayModel"
            }
        case .output: "OutputModel"
        case .box(_, let horizontal): horizontal ? "HBoxModel" : "VBoxModel"
        case .layout: "LayoutModel"
        case .style(let name): name
        }
    }

    /// The module of the model (and, but for styles, of its view).
    var module: WidgetProtocol.Module {
        switch role {
        case .control, .box, .style: .controls
        case .output: .output
        case .layout: .base
        }
    }

    /// The control this model draws, if it is one.
    var control: Control? {
        guard case .control(let control) = role else { return nil }
        return control
    }
}
