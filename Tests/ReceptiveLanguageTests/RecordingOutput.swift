@testable import ReceptiveLanguage
import TextPlots

/// A session output that keeps everything as lines, in order, for assertions.
final class RecordingOutput: SessionOutput {
    /// Every line written, displayed or paged.
    private(set) var lines: [String] = []
    /// How many times the cell's output was cleared.
    private(set) var clears = 0
    /// Lines that `input()` reads, first first.
    var pendingInput: [String] = []

    func write(_ text: String, toStandardError: Bool) {
        var text = text
        if text.hasSuffix("\n") { text.removeLast() }
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func display(_ figure: Figure, id: String?, update: Bool) {
        lines += figure.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func clearOutput(wait: Bool) { clears += 1 }

    func page(_ figure: Figure) {
        lines += figure.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        guard !pendingInput.isEmpty else { throw RuntimeError(.io, "no input left") }
        return pendingInput.removeFirst()
    }

    /// Runs a cell and records its result lines, or "error: Kind: message" for each error.
    func record(_ result: RunResult) {
        switch result {
        case .success(let figure):
            if let figure { display(figure, id: nil, update: false) }
        case .failure(let error):
            lines += error.headlines.map { "error: " + $0 }
        }
    }
}
