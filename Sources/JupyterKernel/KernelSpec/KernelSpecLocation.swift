import Foundation

/// Where `jupyter kernelspec list` looks for kernels, as `jupyter kernelspec install` names them.
public enum KernelSpecLocation: Equatable, Sendable {
    /// The user's Jupyter data directory (`--user`).
    case user
    /// `sys.prefix` of the active Python: `$VIRTUAL_ENV`, else `python3`'s (`--sys-prefix`).
    case sysPrefix
    /// An explicit prefix (`--prefix DIR`).
    case prefix(String)

    /// The `kernels` directory for this location, given the process environment.
    public func kernelsDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(KernelError) -> URL
    {
        switch self {
        case .user:
            return Self.userDataDirectory(environment).appendingPathComponent("kernels")
        case .sysPrefix:
            if let virtualEnv = environment["VIRTUAL_ENV"], !virtualEnv.isEmpty {
                return Self.kernels(under: virtualEnv)
            }
            return Self.kernels(under: try Self.pythonPrefix())
        case .prefix(let directory):
            return Self.kernels(under: directory)
        }
    }

    private static func kernels(under prefix: String) -> URL {
        URL(fileURLWithPath: prefix, isDirectory: true).appendingPathComponent("share/jupyter/kernels")
    }

    /// jupyter_core's `jupyter_data_dir()`: `$JUPYTER_DATA_DIR`, else the platform's default.
    static func userDataDirectory(_ environment: [String: String]) -> URL {
        if let explicit = environment["JUPYTER_DATA_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        #if os(macOS)
        return home.appendingPathComponent("Library/Jupyter")
        #else
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("jupyter")
        }
        return home.appendingPathComponent(".local/share/jupyter")
        #endif
    }

    /// Asks `python3` on the PATH for its `sys.prefix`.
    private static func pythonPrefix() throws(KernelError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw .pythonUnavailable(reason: "python3 could not be started: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let prefix = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !prefix.isEmpty else {
            throw .pythonUnavailable(reason: "python3 exited with status \(process.terminationStatus)")
        }
        return prefix
    }
}
