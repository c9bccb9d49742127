import Foundation
@testable import ReceptiveLanguage
import Testing
import TestSupport

/// Runs every `Scripts/*.rcp` file and compares its output with its `# expect` comments
/// (format in Scripts/README.md). Each script's session saves and loads relative paths in a
/// scratch directory of its own, removed after the script.
struct GoldenScriptTests {
    private let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("receptive-golden")
    }

    /// Every script file in the test bundle's Scripts folder.
    static let scripts: [URL] = {
        guard let folder = Bundle.module.url(forResource: "Scripts", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        return files.filter { $0.pathExtension == "rcp" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test func scriptsArePresent() {
        #expect(GoldenScriptTests.scripts.count >= 5)
    }

    @Test(arguments: GoldenScriptTests.scripts.map(\.lastPathComponent))
    func script(_ name: String) throws {
        let url = try #require(GoldenScriptTests.scripts.first { $0.lastPathComponent == name })
        let source = try String(contentsOf: url, encoding: .utf8)
        let script = GoldenScript(source)
        let session = Session(workingDirectory: scratch.url)
        let output = RecordingOutput()
        for cell in script.cells {
            output.record(session.run(cell, output: output))
        }
        #expect(output.lines == script.expected, "\(name): actual output differs from the # expect lines")
        if output.lines != script.expected {
            for (index, line) in output.lines.enumerated() where index >= script.expected.count || script.expected[index] != line {
                Issue.record("\(name): first difference at output line \(index + 1): got «\(line)», expected «\(index < script.expected.count ? script.expected[index] : "<nothing>")»")
                break
            }
        }
    }
}

/// A golden script split into cells, with the output its comments expect.
struct GoldenScript {
    /// The cells, separated in the file by lines that are exactly `# ---`.
    var cells: [String] = []
    /// The expected output lines: `# expect: X` gives X, `# expect error: K: M` gives "error: K: M".
    var expected: [String] = []

    init(_ source: String) {
        var cell: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "# ---" {
                cells.append(cell.joined(separator: "\n"))
                cell = []
                continue
            }
            cell.append(line)
            if let range = line.range(of: "# expect error: ") {
                expected.append("error: " + line[range.upperBound...])
            } else if let range = line.range(of: "# expect: ") {
                expected.append(String(line[range.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                expected.append("")
            }
        }
        cells.append(cell.joined(separator: "\n"))
    }
}
