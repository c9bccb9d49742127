import Foundation

/// A directory of one test's own under the system's temporary directory, removed with
/// everything in it when the last reference to it goes.
///
/// Hold it in a property of the test suite (Swift Testing makes a suite instance per test, and
/// keeps it alive while the test runs), so a test's files never outlive it and two runs of the
/// suite at once never share a name.
public final class ScratchDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates `<temporary directory>/<prefix>-<UUID>`.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory (which need not exist yet).
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
