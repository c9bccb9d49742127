import ArgumentParser
import Foundation
import ReceptiveLanguage

/// `receptive help`: the language's builtins, as the index, one builtin, or the Markdown manual;
/// and the language guide with its examples' outputs regenerated.
struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show the builtins' documentation (--markdown: the full reference, as docs/reference.md)."
    )

    @Flag(help: "Print the reference manual in Markdown: every builtin with an example and its output (always in Unicode).")
    var markdown = false

    @Option(help: ArgumentHelp(
        "Print the language guide FILE (docs/language.md) with the output of every ```receptive example regenerated.",
        valueName: "FILE"))
    var guide: String?

    @Flag(help: "With --guide: rewrite FILE in place instead of printing it.")
    var write = false

    @Argument(help: "A builtin (or a receptive subcommand) to describe; without it, the list of builtins.")
    var name: String?

    func validate() throws {
        if write && guide == nil { throw ValidationError("--write rewrites the guide; give it with --guide FILE") }
        if guide != nil && (markdown || name != nil) {
            throw ValidationError("--guide prints the language guide; drop --markdown and the name")
        }
    }

    func run() throws {
        if let guide {
            try refreshGuide(at: guide)
            return
        }
        if markdown {
            guard name == nil else {
                throw ValidationError("--markdown prints the whole manual; drop the name '\(name ?? "")' or the flag")
            }
            print(ReferenceManual.markdown(), terminator: "")
            return
        }
        // `receptive help run` keeps meaning what ArgumentParser's own help subcommand meant.
        if let name, let command = Receptive.configuration.subcommands.first(where: { $0.configuration.commandName == name }) {
            print(Receptive.helpMessage(for: command))
            return
        }
        // The language's own help() formats the index and entries, so both front ends agree.
        let call = name.map { "help(\"\($0.replacingOccurrences(of: "\"", with: ""))\")" } ?? "help()"
        let output = TerminalOutput()
        let session = Session(charset: try TerminalCharset.atStartup())
        guard output.report(session.run(call, output: output)) else { throw ExitCode(1) }
    }

    /// Prints (or with `--write` rewrites) the guide at `path` with its outputs regenerated.
    private func refreshGuide(at path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read the guide '\(path)': \(error.localizedDescription)")
        }
        let refreshed = LanguageGuide.refreshed(text)
        guard write else {
            print(refreshed, terminator: "")
            return
        }
        do {
            try refreshed.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write the guide '\(path)': \(error.localizedDescription)")
        }
    }
}
