#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReceptiveLanguage

/// A small line editor for a terminal: cursor movement, history recall and Tab completion.
/// The terminal is raw only while a line is being read, so Ctrl-C interrupts running cells.
final class LineEditor: LineReader {
    private let session: Session
    private let history: History

    /// Whether standard input and output are both terminals, which the editor needs.
    static var isAvailable: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

    /// An editor completing from `session` and recalling from `history`.
    init(session: Session, history: History) {
        self.session = session
        self.history = history
    }

    func readLine(prompt: String) -> LineInput {
        guard let raw = RawMode(descriptor: STDIN_FILENO) else {
            // A terminal that refuses raw mode still reads plain lines.
            write(prompt)
            return Swift.readLine().map(LineInput.line) ?? .endOfInput
        }
        defer { raw.restore() }
        var state = EditingState(prompt: prompt, historyCount: history.entries.count)
        write(prompt)
        while true {
            guard let key = Key.read(from: readByte) else {
                write("\n")
                return .endOfInput
            }
            if let outcome = handle(key, &state) {
                write("\n")
                if case .line(let line) = outcome { history.add(line) }
                return outcome
            }
            redraw(state)
        }
    }

    /// Applies one key; returns the outcome when the line is finished.
    private func handle(_ key: Key, _ state: inout EditingState) -> LineInput? {
        switch key {
        case .character(let scalar): state.buffer.insert(String(scalar))
        case .enter: return .line(state.buffer.text)
        case .interrupt:
            write("^C")
            return .interrupted
        case .endOfFile:
            if state.buffer.scalars.isEmpty { return .endOfInput }
            state.buffer.deleteForward()
        case .backspace: state.buffer.deleteBackward()
        case .delete: state.buffer.deleteForward()
        case .deleteToStart: state.buffer.deleteToStart()
        case .deleteToEnd: state.buffer.deleteToEnd()
        case .left: state.buffer.moveLeft()
        case .right: state.buffer.moveRight()
        case .home: state.buffer.moveToStart()
        case .end: state.buffer.moveToEnd()
        case .up: state.recall(from: history.entries, step: -1)
        case .down: state.recall(from: history.entries, step: 1)
        case .tab: complete(&state)
        case .unknown: break
        }
        return nil
    }

    /// One match is inserted; several extend the word to their common prefix, or are listed
    /// under the prompt when they share nothing more.
    private func complete(_ state: inout EditingState) {
        let (matches, start, end) = session.completions(in: state.buffer.text, cursorPosition: state.buffer.cursor)
        guard let first = matches.first else { return }
        let prefix = matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        if matches.count == 1 || prefix.unicodeScalars.count > end - start {
            state.buffer.replace(from: start, to: end, with: prefix)
        } else {
            write("\n" + matches.joined(separator: "  ") + "\n")
        }
    }

    /// Rewrites the line and puts the terminal's cursor where the buffer's is.
    private func redraw(_ state: EditingState) {
        let view = LineView(prompt: state.prompt, buffer: state.buffer, width: terminalWidth())
        var text = "\r" + state.prompt + view.visibleText + "\u{1B}[K"
        if view.cursorBack > 0 { text += "\u{1B}[\(view.cursorBack)D" }
        write(text)
    }

    /// The terminal's width in columns, nil when it does not say.
    private func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            // A signal (the interrupt handler's SIGINT) may cut a read short; read again.
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
