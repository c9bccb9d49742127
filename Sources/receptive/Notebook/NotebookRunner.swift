import JupyterKernel
import JupyterProtocol
import ReceptiveKernel
import ReceptiveLanguage

/// Runs a notebook's code cells one after another in one in-process Receptive session, through
/// the same `ReceptiveInterpreter` the kernel uses, so each cell's outputs are the messages the
/// kernel would publish, stored as nbclient stores them.
final class NotebookRunner {
    private let interpreter: ReceptiveInterpreter
    private let recorder = NotebookRecorder()
    private var executionCount = 0
    private var executionCounts: [Int: Int] = [:]

    /// Runs cells in `session` (by default a fresh one with the default limits).
    init(session: Session = Session()) {
        interpreter = ReceptiveInterpreter(session: session)
    }

    /// How one cell ended.
    struct CellRun {
        /// The cell's `execution_count`.
        let executionCount: Int
        /// `ename: evalue` of the error that ended it, if one did.
        let error: String?
    }

    /// Runs `cell`; nil for a blank cell, which Jupyter does not run either.
    func run(_ cell: NotebookCell) -> CellRun? {
        guard !cell.source.allSatisfy(\.isWhitespace) else { return nil }
        executionCount += 1
        executionCounts[cell.index] = executionCount
        recorder.begin(cell: cell.index)
        let outcome = interpreter.execute(ExecutionRequest(code: cell.source, executionCount: executionCount),
                                          context: recorder)
        switch outcome {
        case .success(let result, _):
            if let result { recorder.result(result, executionCount: executionCount) }
            return CellRun(executionCount: executionCount, error: nil)
        case .failure(let ename, let evalue, let traceback):
            recorder.error(ename: ename, evalue: evalue, traceback: traceback)
            return CellRun(executionCount: executionCount, error: "\(ename): \(evalue)")
        }
    }

    /// The outputs of the cell at `index` as they stand now (a later cell may have updated a
    /// display shown here), or nil when it has not run.
    func outputs(ofCell index: Int) -> [JSONValue]? {
        recorder.outputs[index]
    }

    /// Whether the outputs of the cell at `index` were cleared or updated in place after they
    /// were published.
    func wasRewritten(cell index: Int) -> Bool {
        recorder.rewritten.contains(index)
    }

    /// The `execution_count` the cell at `index` ran with, or nil when it has not run.
    func executionCount(ofCell index: Int) -> Int? {
        executionCounts[index]
    }

    /// `metadata.language_info` as the kernel reports it in `kernel_info_reply`.
    var languageInfo: JSONValue {
        let info = interpreter.kernelInfo
        return [
            "name": .string(info.languageName), "version": .string(info.languageVersion),
            "mimetype": .string(info.mimetype), "file_extension": .string(info.fileExtension),
            "pygments_lexer": .string(info.pygmentsLexer), "codemirror_mode": .string(info.codemirrorMode),
        ]
    }
}

extension NotebookCell {
    /// The text a notebook test compares: streams as written, a display's or a result's
    /// `text/plain` on its own line, and an error as `Kind: message`. An empty display (what a
    /// finished progress bar leaves behind) shows nothing.
    static func text(of outputs: [JSONValue]) -> String {
        outputs.map { output -> String in
            switch output["output_type"]?.stringValue {
            case "stream":
                return output["text"]?.stringValue ?? ""
            case "execute_result", "display_data":
                let text = output["data"]?["text/plain"]?.stringValue ?? ""
                return text.isEmpty ? "" : text + "\n"
            case "error":
                return (output["ename"]?.stringValue ?? "") + ": " + (output["evalue"]?.stringValue ?? "") + "\n"
            default:
                return ""
            }
        }.joined()
    }

    /// The text `receptive run` prints for outputs: as `text(of:)`, but an error as its
    /// whole traceback, as Jupyter shows it.
    static func printedText(of outputs: [JSONValue]) -> String {
        outputs.map { output -> String in
            guard output["output_type"]?.stringValue == "error" else { return text(of: [output]) }
            return (output["traceback"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "\n") + "\n"
        }.joined()
    }
}
