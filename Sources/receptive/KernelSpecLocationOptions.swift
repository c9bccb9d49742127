import ArgumentParser
import Foundation
import JupyterKernel

/// `--user | --sys-prefix | --prefix DIR`, shared by install and uninstall.
struct KernelSpecLocationOptions: ParsableArguments {
    @Flag(help: "Use the user's Jupyter data directory (the default).")
    var user = false

    @Flag(help: "Use sys.prefix of the active Python ($VIRTUAL_ENV, else python3).")
    var sysPrefix = false

    @Option(help: ArgumentHelp("Use DIR/share/jupyter/kernels.", valueName: "DIR"))
    var prefix: String?

    func validate() throws {
        guard [user, sysPrefix, prefix != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("choose at most one of --user, --sys-prefix and --prefix DIR")
        }
    }

    /// The `kernels` directory these options name.
    func resolve() throws -> URL {
        let location: KernelSpecLocation = if let prefix { .prefix(prefix) } else if sysPrefix { .sysPrefix } else { .user }
        return try location.kernelsDirectory()
    }
}
