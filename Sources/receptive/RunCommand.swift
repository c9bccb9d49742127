import ArgumentParser
import Foundation
import ReceptiveLanguage

/// `receptive run FILE`: runs a script as one cell (or, with `--mark-cells`, as the cells of a
/// notebook) and prints what a notebook would show; runs a notebook's code cells, and checks
/// or saves their outputs.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Receptive script or notebook: output and the final value on stdout, errors on stderr (exit 1).",
        discussion: """
            A notebook (.ipynb) runs in-process, in its own folder, one code cell after another, \
            printing each cell and its outputs. With --check, each cell's text output is compared \
            with the one saved in the notebook (nbval's markers apply: '# NBVAL_IGNORE_OUTPUT', \
            '# NBVAL_SKIP', and the tags nbval-ignore-output, nbval-skip, raises-exception); the \
            differences are printed as diffs and the exit status is 1. With --save, the fresh \
            outputs are written into the notebook as Jupyter writes them.
            """
    )

    /// The line that separates cells in `--mark-cells` mode (the percent format of Jupytext).
    static let cellMarker = "# %%"

    @Argument(help: "The script (.rcp) or notebook (.ipynb) to run.")
    var file: String

    @Flag(help: """
        Treat '# %%' lines as cell separators: run the cells one after another in one session, \
        print '# %%' before each cell's output and its final value, print a failing cell's \
        'Kind: message' on stdout and go on; exit 1 if any cell failed.
        """)
    var markCells = false

    @Flag(help: "Print the instructions the script compiles to instead of running it.")
    var listing = false

    @Flag(help: "Notebooks: compare each cell's text output with the saved one; exit 1 on a difference.")
    var check = false

    @Flag(help: "Notebooks: write the fresh outputs into the notebook.")
    var save = false

    @OptionGroup var limits: LimitOptions

    private var isNotebook: Bool { file.lowercased().hasSuffix(".ipynb") }

    func validate() throws {
        if check && save { throw ValidationError("choose one of --check and --save") }
        if (check || save) && !isNotebook { throw ValidationError("--check and --save take a notebook (.ipynb)") }
        if markCells && isNotebook { throw ValidationError("--mark-cells is for scripts; a notebook already has cells") }
        if listing && isNotebook { throw ValidationError("--listing takes a script (.rcp)") }
    }

    func run() throws {
        if isNotebook {
            let mode: NotebookCommand.Mode = check ? .check : (save ? .save : .print)
            let command = NotebookCommand(path: file, mode: mode, maxElements: limits.sessionMaxElements,
                                          charset: try TerminalCharset.atStartup(kernel: true))
            let succeeded: Bool
            do {
                succeeded = try command.run()
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(2)
            }
            guard succeeded else { throw ExitCode(1) }
            return
        }
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("IOError: cannot read '\(file)': \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        if listing {
            print(Session().listing(of: source))
            return
        }
        let output = TerminalOutput()
        let session = Session(maxElements: limits.sessionMaxElements, charset: try TerminalCharset.atStartup())
        let succeeded = markCells
            ? runCells(of: source, in: session, output: output)
            : output.report(session.run(source, output: output))
        guard succeeded else { throw ExitCode(1) }
    }

    /// Runs each cell in `session` as a notebook would; returns whether every cell succeeded.
    private func runCells(of source: String, in session: Session, output: TerminalOutput) -> Bool {
        var succeeded = true
        for cell in Self.cells(of: source) {
            output.write(Self.cellMarker + "\n", toStandardError: false)
            let result = session.run(cell, output: output)
            if case .failure(let error) = result {
                // The kernel's ename: evalue, so that a notebook's saved error output can be compared.
                output.write("\(error.kind.rawValue): \(error.message)\n", toStandardError: false)
                succeeded = false
            }
            output.report(result)
        }
        return succeeded
    }

    /// The cells between marker lines; text before the first marker is a cell unless it is blank.
    static func cells(of source: String) -> [String] {
        var cells: [[Substring]] = [[]]
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == cellMarker {
                cells.append([])
            } else {
                cells[cells.count - 1].append(line)
            }
        }
        let texts = cells.map { $0.joined(separator: "\n") }
        guard let first = texts.first, first.allSatisfy(\.isWhitespace) else { return texts }
        return Array(texts.dropFirst())
    }
}
