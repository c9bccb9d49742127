import Foundation
import JupyterProtocol

/// Where the debugger's cells live as files: JupyterLab names a cell `prefix` + Murmur2 of its
/// code + `suffix` (the values `debugInfo` reports) and sets breakpoints on that path, and
/// `dumpCell` writes the code there so the sources panel and the kernel agree on its lines.
///
/// The directory is private to this kernel process (a fresh name, mode 0700), made at the
/// first dump and removed with everything in it when the kernel stops.
final class CellFiles: Sendable {
    /// The seed of the cell hash: any fixed value works, as long as `debugInfo` reports it.
    static let hashSeed: UInt32 = 0x5245_4350  // "RECP"

    /// The directory and separator every cell path starts with.
    let prefix: String
    /// The language's file extension every cell path ends with.
    let suffix: String
    private let directory: URL

    /// Cells of a language whose files end in `fileExtension`, in a new directory under `parent`.
    init(parent: URL = FileManager.default.temporaryDirectory, name: String, fileExtension: String) {
        let unique = "\(name)-debug-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        directory = parent.appendingPathComponent(unique, isDirectory: true)
        prefix = directory.path + "/"
        suffix = fileExtension
    }

    /// The path JupyterLab computes for a cell holding `code`.
    func path(for code: String) -> String {
        prefix + String(Murmur2.hash(code, seed: Self.hashSeed)) + suffix
    }

    /// Writes `code` to its path and returns the path.
    func dump(_ code: String) throws(KernelError) -> String {
        let path = path(for: code)
        do {
            if !FileManager.default.fileExists(atPath: directory.path) {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            try Data(code.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .debugRequestFailed("dumpCell: cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// The code of a dumped cell, or nil for a path that is not one of this kernel's cells.
    func code(at path: String) -> String? {
        guard path.hasPrefix(prefix), !path.dropFirst(prefix.count).contains("/") else { return nil }
        return (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Removes the directory and every cell in it.
    func removeAll() {
        try? FileManager.default.removeItem(at: directory)
    }
}
