import TextPlots

/// Collects everything a reference example shows, as one text, in the order it was shown.
final class ReferenceExampleOutput: SessionOutput {
    /// The line `input()` reads in examples, so that they run without a terminal.
    static let typedInput = "Ada"

    /// The transcript so far.
    private(set) var text = ""

    func write(_ text: String, toStandardError: Bool) {
        self.text += text
    }

    func display(_ figure: Figure, id: String?, update: Bool) {
        append(line: figure.text)
    }

    /// A transcript cannot replace what it holds: `train` shows its final plot once.
    var updatesDisplaysInPlace: Bool { false }

    /// Progress bars depend on how long an example takes, so generated docs leave them out.
    func showProgress(_ text: String, id: String, update: Bool) {}

    /// A notebook would clear the cell here; the transcript says so instead of hiding output.
    func clearOutput(wait: Bool) {
        append(line: "(output cleared)")
    }

    func page(_ figure: Figure) {
        append(line: figure.text)
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        append(line: prompt + Self.typedInput)
        return Self.typedInput
    }

    /// Appends a result or display on its own line(s).
    func append(line: String) {
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += line + "\n"
    }
}
