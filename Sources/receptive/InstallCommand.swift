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
        try KernelLogo.write(into: directory)
        print(Self.summary(name: name, directory: directory, custom: location.prefix != nil))
    }

    /// Where the kernelspec went and how to use it (and, for --prefix, how Jupyter finds it).
    static func summary(name: String, directory: URL, custom: Bool) -> String {
        var lines = [
            "Installed kernelspec '\(name)' (kernel.json, \(KernelLogo.fileName)) in \(directory.path)",
        ]
        if custom {
            let shareJupyter = directory.deletingLastPathComponent().deletingLastPathComponent().path
            lines.append("Jupyter finds it when JUPYTER_PATH includes \(shareJupyter)")
        }
        lines += [
            "Start it with:",
            "  jupyter lab                          then pick \"Receptive\" in the launcher",
            "  jupyter console --kernel \(name)",
            "  jupyter nbconvert --to html --execute --ExecutePreprocessor.kernel_name=\(name) NOTEBOOK.ipynb",
            "Remove it with: receptive uninstall\(name == ReceptiveKernelInfo.kernelName ? "" : " --name \(name)")"
                + " (and the same location option)",
        ]
        return lines.joined(separator: "\n")
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
