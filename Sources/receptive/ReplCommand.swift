import ArgumentParser
import Foundation
import ReceptiveLanguage

/// `receptive repl`: an interactive prompt; input continues over lines while it is incomplete.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "An interactive Receptive prompt (multi-line input continues while brackets or blocks are open)."
    )

    func run() throws {
        // Ctrl-C interrupts the running cell instead of ending the process.
        let signals = HeldSignals.hold([SIGINT])
        let session = Session(charset: try TerminalCharset.atStartup())
        let output = TerminalOutput()
        signals.serve { _ in session.requestInterrupt() }
        output.write("Receptive \(LanguageVersion.current); help() lists the builtins, Ctrl-C stops a cell, Ctrl-D quits.\n",
                     toStandardError: false)
        let reader = makeLineReader(session: session, output: output)
        while let cell = readCell(session: session, reader: reader) {
            guard !cell.allSatisfy(\.isWhitespace) else { continue }
            output.report(session.run(cell, output: output))
        }
        output.write("\n", toStandardError: false)
    }

    /// The line editor with persistent history on a terminal; plain reading from a pipe or file.
    private func makeLineReader(session: Session, output: TerminalOutput) -> any LineReader {
        guard LineEditor.isAvailable else { return PlainLineReader(output: output) }
        let history = History(file: History.defaultFile()) { output.write($0, toStandardError: true) }
        return LineEditor(session: session, history: history)
    }

    /// Reads lines until the code is complete (or invalid, which runs to show the error);
    /// Ctrl-C at a prompt abandons the cell and returns an empty one.
    private func readCell(session: Session, reader: any LineReader) -> String? {
        var lines: [String] = []
        var prompt = ">>> "
        while true {
            switch reader.readLine(prompt: prompt) {
            case .endOfInput: return lines.isEmpty ? nil : lines.joined(separator: "\n")
            case .interrupted: return ""
            case .line(let line): lines.append(line)
            }
            let code = lines.joined(separator: "\n")
            guard case .incomplete(let indent) = session.completeness(of: code) else { return code }
            prompt = "... " + indent
        }
    }
}
