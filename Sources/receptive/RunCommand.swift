import ArgumentParser
import Foundation
import ReceptiveLanguage

/// `receptive run FILE`: runs a script as one cell and prints what a notebook would show.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Receptive script: output and the final value on stdout, errors on stderr (exit 1)."
    )

    @Argument(help: "The script to run (.rcp).")
    var file: String

    func run() throws {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("IOError: cannot read '\(file)': \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        let output = TerminalOutput()
        guard output.report(Session().run(source, output: output)) else { throw ExitCode(1) }
    }
}
