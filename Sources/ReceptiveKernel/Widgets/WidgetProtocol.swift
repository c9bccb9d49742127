import JupyterProtocol

/// The names and versions of the Jupyter widget protocol this kernel speaks: ipywidgets 8
/// (protocol 2.1.0, with `echo_update`), the `@jupyter-widgets/controls` 2.0.0 and
/// `@jupyter-widgets/output` 1.0.0 model modules that `jupyterlab_widgets` 3 draws.
enum WidgetProtocol {
    /// The comm target of widget models.
    static let target = "jupyter.widget"
    /// The comm target a front end opens to fetch every model's state at once (control protocol 1.0).
    static let controlTarget = "jupyter.widget.control"
    /// Sent in each model's `comm_open` metadata, as ipywidgets 8.1 does.
    static let version = "2.1.0"
    /// The MIME type of a widget view in a display.
    static let viewMimeType = "application/vnd.jupyter.widget-view+json"
    /// A model reference in another model's state: `IPY_MODEL_<id>`.
    static func reference(_ id: String) -> JSONValue { .string("IPY_MODEL_" + id) }

    /// One model module and its version.
    struct Module {
        let name: String
        let version: String

        static let base = Module(name: "@jupyter-widgets/base", version: "2.0.0")
        static let controls = Module(name: "@jupyter-widgets/controls", version: "2.0.0")
        static let output = Module(name: "@jupyter-widgets/output", version: "1.0.0")
    }

    /// The display bundle of a widget view: the model reference, and `text/plain` for front
    /// ends that cannot draw it. `version_minor` 0 as ipywidgets 8.1 sends it (front ends
    /// check only the major version).
    static func viewBundle(modelID: String, fallback: String) -> [String: JSONValue] {
        [viewMimeType: ["model_id": .string(modelID), "version_major": 2, "version_minor": 0],
         "text/plain": .string(fallback)]
    }
}
