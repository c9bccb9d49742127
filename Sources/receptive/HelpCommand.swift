import ArgumentParser
import ReceptiveLanguage

/// `receptive help`: the language's builtins, as the index, one builtin, or the Markdown manual.
struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show the builtins' documentation (--markdown: the full reference, as docs/reference.md)."
    )

    @Flag(help: "Print the reference manual in Markdown: every builtin with an example and its output (always in Unicode).")
    var markdown = false

    @Argument(help: "A builtin (or a receptive subcommand) to describe; without it, the list of builtins.")
    var name: String?

    func run() throws {
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
}
