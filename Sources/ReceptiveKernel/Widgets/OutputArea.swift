import JupyterProtocol
import ReceptiveLanguage

/// A callback's captured output as an Output model's `outputs` trait: nbformat outputs
/// (`stream`, `display_data`, `error`), each text clipped as a cell's output would be.
enum OutputArea {
    static func json(_ captured: CapturedOutput) -> JSONValue {
        let cap = OutputCap()
        return .array(captured.items.map { item in
            switch item {
            case .stream(let text, let stderr):
                ["output_type": "stream", "name": stderr ? "stderr" : "stdout", "text": .string(cap.clip(text))]
            case .display(let figure, _):
                ["output_type": "display_data", "data": .strings(cap.clip(figure.mimeBundle)), "metadata": [:]]
            case .error(let error):
                ["output_type": "error", "ename": .string(error.kind.rawValue), "evalue": .string(error.message),
                 "traceback": .array(error.traceback.map { .string($0) })]
            }
        })
    }
}
