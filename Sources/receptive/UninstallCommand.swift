import ArgumentParser
import JupyterKernel
import ReceptiveKernel

/// `receptive uninstall`: removes a kernelspec that `receptive install` wrote.
struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the Receptive kernelspec."
    )

    @OptionGroup var location: KernelSpecLocationOptions

    @Option(help: "The kernelspec name given to `receptive install`.")
    var name = ReceptiveKernelInfo.kernelName

    func run() throws {
        let directory = try location.resolve().appendingPathComponent(name)
        try KernelSpec.remove(directory)
        print("Removed kernelspec '\(name)' from \(directory.path)")
    }
}
