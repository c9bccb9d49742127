/// What reading one line of REPL input produced.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the input so far is abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or standard input closed.
    case endOfInput
}

/// A source of REPL input lines: the line editor on a terminal, plain reading otherwise.
protocol LineReader {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
}

/// Reads lines from standard input as they come (a pipe or a file), echoing nothing.
struct PlainLineReader: LineReader {
    let output: TerminalOutput

    func readLine(prompt: String) -> LineInput {
        output.write(prompt, toStandardError: false)
        guard let line = Swift.readLine() else { return .endOfInput }
        return .line(line)
    }
}
