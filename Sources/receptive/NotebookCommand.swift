import Foundation
import JupyterProtocol
import ReceptiveLanguage
import TextPlots

/// `receptive run NOTEBOOK.ipynb [--check | --save]`: a notebook's code cells run in-process,
/// in the notebook's folder (where JupyterLab starts a kernel), in one session.
struct NotebookCommand {
    /// What to do with the outputs.
    enum Mode {
        /// Print each cell and its outputs.
        case print
        /// Compare the outputs with the saved ones and print what differs.
        case check
        /// Print, and write the outputs into the file.
        case save
    }

    let path: String
    let mode: Mode
    /// The session's tensor element cap (`--max-elements`).
    let maxElements: Int
    /// The session's charset: the kernel's, since the outputs are a notebook's.
    let charset: Charset

    /// Runs the notebook; returns whether every cell did what it should (ran without an
    /// unexpected error and, with `check`, reproduced its saved output).
    func run() throws(CommandError) -> Bool {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        var notebook = try NotebookDocument(path: file.path)
        let folder = file.deletingLastPathComponent().path
        guard FileManager.default.changeCurrentDirectoryPath(folder) else {
            throw .cannotRead(path: folder, reason: "cannot enter the notebook's folder")
        }
        let runner = NotebookRunner(session: Session(maxElements: maxElements, charset: charset))
        var report = CheckReport(notebook: file.lastPathComponent)
        var succeeded = true
        for cell in notebook.codeCells {
            let markers = CellMarkers(source: cell.source, tags: cell.tags)
            if mode == .check && markers.skipped {
                report.skipped += 1
                continue
            }
            guard let outcome = runner.run(cell) else { continue }
            if let error = outcome.error, !markers.raisesException {
                succeeded = false
                if mode == .check { report.unexpectedError(in: cell, error) }
            }
            if mode != .check { show(cell, count: outcome.executionCount, outputs: runner.outputs(ofCell: cell.index) ?? []) }
        }
        if mode == .check {
            compare(notebook.codeCells, with: runner, into: &report)
            print(report.text, terminator: "")
            return report.passed
        }
        if mode == .save {
            for cell in notebook.codeCells {
                guard let outputs = runner.outputs(ofCell: cell.index) else { continue }
                notebook.setOutputs(outputs, executionCount: runner.executionCount(ofCell: cell.index), ofCell: cell.index)
            }
            notebook.setLanguageInfo(runner.languageInfo)
            do {
                try Data(notebook.text.utf8).write(to: file, options: .atomic)
            } catch {
                throw .cannotWrite(path: file.path, reason: error.localizedDescription)
            }
        }
        return succeeded
    }

    /// Compares every compared cell's text with the saved one, after the whole notebook ran
    /// (a later cell may update an earlier display, as in the saved file).
    private func compare(_ cells: [NotebookCell], with runner: NotebookRunner, into report: inout CheckReport) {
        for cell in cells {
            guard let outputs = runner.outputs(ofCell: cell.index) else { continue }
            let markers = CellMarkers(source: cell.source, tags: cell.tags)
            if !markers.checksOutput {
                report.ignored += 1
            } else if cell.executionCount == nil && cell.outputs.isEmpty {
                report.neverRun += 1
            } else {
                report.compare(cell, saved: NotebookCell.text(of: cell.outputs), now: NotebookCell.text(of: outputs))
                if runner.wasRewritten(cell: cell.index) { report.rewritten(cell) }
            }
        }
    }

    /// Prints a cell as the demo does: `In [n]:` and the code, then its outputs' text.
    private func show(_ cell: NotebookCell, count: Int, outputs: [JSONValue]) {
        let bold = isatty(STDOUT_FILENO) != 0
        let prompt = "In [\(count)]:"
        let code = cell.source.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: prompt.count + 1))
        print((bold ? "\u{1B}[1m\(prompt)\u{1B}[0m " : prompt + " ") + code)
        print(NotebookCell.printedText(of: outputs))
    }
}

/// What `--check` found, and the report it prints.
struct CheckReport {
    let notebook: String
    var compared = 0
    var ignored = 0
    var skipped = 0
    var neverRun = 0
    private(set) var problems: [String] = []

    init(notebook: String) {
        self.notebook = notebook
    }

    /// Whether nothing differed and no cell failed unexpectedly.
    var passed: Bool { problems.isEmpty }

    /// Records a cell that failed without being marked to.
    mutating func unexpectedError(in cell: NotebookCell, _ error: String) {
        problems.append("\(title(cell)) raised an error it is not marked for (tag it raises-exception if it should):\n"
                        + "  \(error)\n")
    }

    /// Records a compared cell whose output changed after it was published, which nbval
    /// cannot compare (it keeps the first version of each output).
    mutating func rewritten(_ cell: NotebookCell) {
        problems.append("\(title(cell)) clears or updates its output in place; nbval compares the first version of "
                        + "each output, so mark the cell with a `# NBVAL_IGNORE_OUTPUT` line\n")
    }

    /// Records the comparison of one cell's text.
    mutating func compare(_ cell: NotebookCell, saved: String, now: String) {
        compared += 1
        let diff = TextDiff.unified(saved, now, oldLabel: "saved", newLabel: "now")
        if !diff.isEmpty { problems.append("\(title(cell)) differs from its saved output:\n" + diff) }
    }

    private func title(_ cell: NotebookCell) -> String {
        let firstLine = cell.source.split(separator: "\n").first.map(String.init) ?? ""
        return "\(notebook): cell \(cell.number) (\(firstLine.count > 50 ? String(firstLine.prefix(49)) + "…" : firstLine))"
    }

    /// The problems, then one summary line.
    var text: String {
        var parts = ["\(compared) compared"]
        if ignored > 0 { parts.append("\(ignored) not compared (NBVAL_IGNORE_OUTPUT)") }
        if skipped > 0 { parts.append("\(skipped) skipped (NBVAL_SKIP)") }
        if neverRun > 0 { parts.append("\(neverRun) never run in the saved notebook") }
        let verdict = problems.isEmpty ? "all outputs match" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")"
        return problems.map { $0 + "\n" }.joined() + "\(notebook): \(verdict); code cells: " + parts.joined(separator: ", ") + "\n"
    }
}
