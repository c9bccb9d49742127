import JupyterKernel
import ReceptiveLanguage
import TextPlots

/// Sends a running cell's output to Jupyter: print to stream, show to display_data, help to
/// the pager payload, input to an input_request.
final class KernelSessionOutput: SessionOutput {
    private let context: ExecutionContext
    private let cap = OutputCap()
    /// Pages asked for by `help(name)`, returned in the execute reply's payload.
    private(set) var pages: [Figure] = []
    /// The session's widgets, showing through this cell's context.
    let widgets: (any WidgetHost)?

    init(context: ExecutionContext, widgets: WidgetManager) {
        self.context = context
        self.widgets = WidgetDisplay(manager: widgets, context: context)
    }

    func write(_ text: String, toStandardError: Bool) {
        context.stream(toStandardError ? .stderr : .stdout, cap.clip(text))
    }

    func display(_ figure: Figure, id: String?, update: Bool) {
        context.display(cap.clip(figure.mimeBundle), displayID: id, update: update)
    }

    func clearOutput(wait: Bool) {
        context.clearOutput(wait: wait)
    }

    func page(_ figure: Figure) {
        pages.append(figure)
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        try context.readInput(prompt: prompt, password: password)
    }
}

/// The session's widget manager seen from one cell: what `interact` shows goes out through
/// that cell's context.
private final class WidgetDisplay: WidgetHost {
    private let manager: WidgetManager
    private let context: ExecutionContext

    init(manager: WidgetManager, context: ExecutionContext) {
        self.manager = manager
        self.context = context
    }

    func show(_ interaction: Interaction, initial: CapturedOutput, fallback: Figure) {
        manager.show(interaction, initial: initial, fallback: fallback, context: context)
    }
}
