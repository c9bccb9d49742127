import Foundation
import JupyterProtocol

/// A Jupyter kernelspec: the `kernel.json` that tells front ends how to start a kernel.
public struct KernelSpec: Sendable, Equatable {
    /// The command line; `{connection_file}` is replaced by the front end.
    public var argv: [String]
    /// The name shown in front ends.
    public var displayName: String
    /// The language, matching `language_info.name`.
    public var language: String
    /// "message" (interrupt_request on control) or "signal" (SIGINT).
    public var interruptMode: String
    /// Whether the kernel answers `debug_request`: JupyterLab offers its debugger only for
    /// kernelspecs whose metadata says so (`DebuggerService.isAvailable`).
    public var debugger: Bool

    /// Creates a kernelspec.
    public init(argv: [String], displayName: String, language: String, interruptMode: String = "message",
                debugger: Bool = false) {
        self.argv = argv
        self.displayName = displayName
        self.language = language
        self.interruptMode = interruptMode
        self.debugger = debugger
    }

    /// The `kernel.json` document.
    public var json: JSONValue {
        [
            "argv": .array(argv.map { .string($0) }),
            "display_name": .string(displayName),
            "language": .string(language),
            "interrupt_mode": .string(interruptMode),
            // jupyter_client ≥ 8.9 encrypts only with kernels that declare CurveZMQ support.
            "metadata": ["supported_encryption": ["curve"], "debugger": .bool(debugger)],
        ]
    }

    /// Writes `directory/kernel.json`, creating or replacing `directory`'s kernel.json.
    public func write(to directory: URL) throws(KernelError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try json.serialized().write(to: directory.appendingPathComponent("kernel.json"), options: .atomic)
        } catch {
            throw .kernelSpecFailed(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// Removes an installed kernelspec directory.
    public static func remove(_ directory: URL) throws(KernelError) {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("kernel.json").path) else {
            throw .kernelSpecNotFound(path: directory.path)
        }
        do {
            try FileManager.default.removeItem(at: directory)
        } catch {
            throw .kernelSpecFailed(path: directory.path, reason: error.localizedDescription)
        }
    }
}
