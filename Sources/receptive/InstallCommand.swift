import ArgumentParser
import Foundation
import JupyterKernel
import ReceptiveKernel

/// `receptive install`: writes the kernelspec where `jupyter kernelspec list` finds it.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Receptive kernelspec so Jupyter front ends can start this kernel."
    )

    @OptionGroup var location: KernelSpecLocationOptions

    @Option(help: "The kernelspec name, as in `jupyter console --kernel NAME`.")
    var name = ReceptiveKernelInfo.kernelName

    func run() throws {
        let directory = try location.resolve().appendingPathComponent(name)
        let spec = ReceptiveKernelInfo.kernelSpec(executable: try Self.executablePath())
        try spec.write(to: directory)
        print("Installed kernelspec '\(name)' in \(directory.path)")
        print("Start it with: jupyter console --kernel \(name)   (or pick \"Receptive\" in JupyterLab)")
    }

    /// The absolute, symlink-free path of this binary, so the kernelspec works from any directory.
    static func executablePath() throws -> String {
        if let url = Bundle.main.executableURL {
            return url.resolvingSymlinksInPath().path
        }
        let argument = CommandLine.arguments.first ?? "receptive"
        let url = URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
