/// Standard input ended while `input()` was waiting for a line.
struct TerminalInputError: Error, CustomStringConvertible {
    static let endOfInput = TerminalInputError()

    var description: String { "input: standard input ended before a line was read" }
}
