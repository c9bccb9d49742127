import Foundation
import ReceptiveLanguage
import TextPlots

/// A session's output on a terminal: streams to stdout/stderr, displays and help as text.
final class TerminalOutput: SessionOutput {
    /// Writes to stdout or stderr.
    func write(_ text: String, toStandardError: Bool) {
        let handle = toStandardError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    /// Prints the figure's text on its own lines.
    func display(_ figure: Figure, id: String?, update: Bool) {
        write(figure.text + "\n", toStandardError: false)
    }

    /// Redraws the progress line on stderr in place (`\r`, erase to end of line); an empty text
    /// erases it. Nothing when stderr is not a terminal, so logs and pipes stay clean.
    func showProgress(_ text: String, id: String, update: Bool) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    }

    /// A terminal keeps what it has printed, so a display is never replaced in place (`animate`
    /// prints only its last frame, `train` its plot once, at the end).
    var updatesDisplaysInPlace: Bool { false }

    /// A terminal keeps what it has printed; clearing is a notebook feature.
    func clearOutput(wait: Bool) {}

    /// Prints help text.
    func page(_ figure: Figure) {
        write(figure.text + "\n", toStandardError: false)
    }

    /// Reads a line from standard input after printing the prompt.
    func readInput(prompt: String, password: Bool) throws -> String {
        write(prompt, toStandardError: false)
        guard let line = readLine() else { throw CommandError.endOfInput }
        return line
    }

    /// Prints a cell's outcome: the result on stdout, an error's traceback on stderr.
    /// Returns whether the cell succeeded.
    @discardableResult
    func report(_ result: RunResult) -> Bool {
        switch result {
        case .success(let figure):
            if let figure { write(figure.text + "\n", toStandardError: false) }
            return true
        case .failure(let error):
            write(error.rendered + "\n", toStandardError: true)
            return false
        }
    }
}
