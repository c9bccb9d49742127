import TextPlots

/// What one run of a widget callback produced, in order: streams, displays and the error that
/// ended it, as an output area shows them (and as ipywidgets' Output model stores them).
public struct CapturedOutput: Sendable, Equatable {
    /// One output of the run.
    public enum Item: Sendable, Equatable {
        /// Text written to stdout (`print`) or stderr (`warn`).
        case stream(String, toStandardError: Bool)
        /// A display (`show`, the function's result); `id` when it may be updated in place.
        case display(Figure, id: String?)
        /// The error that ended the run, with its caret lines.
        case error(ReportedError)
    }

    /// The outputs in order.
    public var items: [Item] = []

    /// Creates a captured output.
    public init(items: [Item] = []) {
        self.items = items
    }

    /// The outputs as one text (what a front end without widgets shows).
    public var text: String {
        items.map { item in
            switch item {
            case .stream(let text, _): text.hasSuffix("\n") ? String(text.dropLast()) : text
            case .display(let figure, _): figure.text
            case .error(let error): error.rendered
            }
        }.joined(separator: "\n")
    }
}

extension ReportedError: Equatable {
    /// Same kind, message and traceback.
    public static func == (lhs: ReportedError, rhs: ReportedError) -> Bool {
        lhs.kind == rhs.kind && lhs.message == rhs.message && lhs.traceback == rhs.traceback
    }
}

/// A `SessionOutput` that keeps what a widget callback writes instead of sending it: the
/// front end's host turns it into the output area's content.
final class OutputCapture: SessionOutput {
    private(set) var captured = CapturedOutput()
    private let notify: ((CapturedOutput) -> Void)?

    /// A capture; `notify` (when given) sees the output so far after every display, so a long
    /// callback (an animation) can show its progress.
    init(notify: ((CapturedOutput) -> Void)? = nil) {
        self.notify = notify
    }

    func write(_ text: String, toStandardError: Bool) {
        guard !text.isEmpty else { return }
        if case .stream(let earlier, let stderr)? = captured.items.last, stderr == toStandardError {
            captured.items[captured.items.count - 1] = .stream(earlier + text, toStandardError: stderr)
        } else {
            captured.items.append(.stream(text, toStandardError: toStandardError))
        }
    }

    func display(_ figure: Figure, id: String?, update: Bool) {
        if update, let id, let index = captured.items.firstIndex(where: { $0.displayID == id }) {
            captured.items[index] = .display(figure, id: id)
        } else if !update {
            captured.items.append(.display(figure, id: id))
        }
        notify?(captured)
    }

    func clearOutput(wait: Bool) {
        captured.items.removeAll()
    }

    func page(_ figure: Figure) {
        captured.items.append(.display(figure, id: nil))
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        throw RuntimeError(.io, "input() cannot be used inside a widget callback: there is no cell to type into")
    }

    /// Progress bars are for cells; a callback's output area shows its result.
    func showProgress(_ text: String, id: String, update: Bool) {}

    /// Ends the run with `error`.
    func record(_ error: ReportedError) {
        captured.items.append(.error(error))
    }
}

extension CapturedOutput.Item {
    /// The display id of a display item.
    var displayID: String? {
        guard case .display(_, let id) = self else { return nil }
        return id
    }
}
