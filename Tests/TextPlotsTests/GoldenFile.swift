import Foundation
import Testing

/// Golden files: expected text committed under `Golden/` (ASCII renderings under
/// `Golden/ascii/`), compared byte for byte.
///
/// With `RECEPTIVE_UPDATE_GOLDEN=1` in the environment a mismatching or missing file is
/// rewritten in the source tree (review the diff by eye before committing); the test still fails.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The bytes of the committed golden file `name`, if it exists.
    static func contents(_ name: String) -> Data? {
        guard let url = Bundle.module.url(forResource: "Golden/" + name, withExtension: nil)
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden")
        else { return nil }
        return try? Data(contentsOf: url)
    }

    /// Expects `actual` to equal the golden file `name` exactly.
    static func expectMatches(_ actual: String, _ name: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = contents(name)
        let matches = expected == Data(actual.utf8)
        if !matches, ProcessInfo.processInfo.environment["RECEPTIVE_UPDATE_GOLDEN"] == "1" {
            let url = directory.appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
        }
        #expect(expected != nil, "missing golden file \(name)", sourceLocation: sourceLocation)
        #expect(matches, "\(name) differs; got:\n\(actual)", sourceLocation: sourceLocation)
    }
}
