import Tensors
import TextPlots

/// Running `interact`'s function: in a cell (the first render) and in the widget callbacks a
/// front end triggers later.
extension Evaluator {
    func display(_ figure: Figure, id: String, update: Bool) {
        output?.display(figure, id: id, update: update)
    }

    var widgets: (any WidgetHost)? { output?.widgets }

    var updatesDisplaysInPlace: Bool { output?.updatesDisplaysInPlace ?? false }

    func render(_ interaction: Interaction) throws -> CapturedOutput {
        let captured = render(interaction, live: nil)
        if case .error(let error)? = captured.items.last, error.kind == .interrupted {
            throw RuntimeError(.interrupted, error.message)
        }
        return captured
    }

    /// Calls the function with the controls' current values, by name, with output captured
    /// and the result (unless none) as the last display; an error ends the output with its
    /// traceback, caret under the offending column of the cell that defined the function.
    /// `live` sees the output after every display, for callbacks that animate.
    func render(_ interaction: Interaction, live: ((CapturedOutput) -> Void)?) -> CapturedOutput {
        let capture = OutputCapture(notify: live)
        let saved = output
        output = capture
        defer { output = saved }
        do {
            let value = try call(interaction.function, positional: [], named: interaction.arguments, at: nil)
            if case .none = value {} else {
                capture.display(value.rendered(options: renderOptions), id: nil, update: false)
            }
        } catch let error as RuntimeError {
            capture.record(ReportedError([error], source: error.source ?? currentSource, charset: renderOptions.charset))
        } catch let error as TensorError {
            capture.record(ReportedError([RuntimeError(error)], source: currentSource, charset: renderOptions.charset))
        } catch {
            capture.record(ReportedError([RuntimeError(.io, "\(error)")], source: currentSource, charset: renderOptions.charset))
        }
        return capture.captured
    }
}
