import ArgumentParser
import ReceptiveKernel
import Tensors

/// The `receptive` command: a Jupyter kernel and terminal front ends for the Receptive language.
@main
struct Receptive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receptive",
        abstract: "A Jupyter kernel for exploring convolution, with a script runner and a REPL.",
        version: ReceptiveKernelInfo.version,
        subcommands: [KernelCommand.self, InstallCommand.self, UninstallCommand.self, RunCommand.self, ReplCommand.self, HelpCommand.self]
    )

    /// Sets the process's allocation policy for tensors, then parses and runs the command (the
    /// kernelspec's `kernel -f FILE` directly, see `KernelCommand.kernelspecSettings`).
    static func main() {
        AllocatorPolicy.keepLargeBuffersInTheHeap()
        if let settings = KernelCommand.kernelspecSettings(CommandLine.arguments) {
            do {
                try KernelCommand.serve(settings)
            } catch {
                exit(withError: error)
            }
            return
        }
        main(nil)
    }
}
