/// Why a command could not do what it was asked: the one error type of the executable.
enum CommandError: Error, Equatable, CustomStringConvertible {
    /// Standard input ended while `input()` was waiting for a line.
    case endOfInput
    /// A file could not be read.
    case cannotRead(path: String, reason: String)
    /// A file was read but is not a Jupyter notebook this command can run.
    case notANotebook(path: String, reason: String)
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)
    /// `RECEPTIVE_CHARSET` names no charset.
    case invalidCharset(String)

    /// One line saying what went wrong and what to do.
    var description: String {
        switch self {
        case .endOfInput:
            "input: standard input ended before a line was read"
        case .cannotRead(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .notANotebook(let path, let reason):
            "'\(path)' is not a notebook receptive can run: \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .invalidCharset(let value):
            "\(TerminalCharset.variable) must be \"unicode\" or \"ascii\", found \"\(value)\""
        }
    }
}
