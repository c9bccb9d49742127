import Foundation
import Testing
import TestSupport
@testable import receptive

/// Each test gets its own scratch directory (removed after it) for its history file.
@Suite struct HistoryTests {
    private let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("receptive-history")
    }

    /// A history file in a directory that does not exist yet (History creates it).
    private func scratchFile() -> URL {
        scratch.url.appendingPathComponent("receptive/history")
    }

    @Test func linesAreSavedAndReadBackBySecondHistory() throws {
        let file = scratchFile()
        let first = History(file: file) { Issue.record("unexpected warning: \($0)") }
        first.add("x = 1")
        first.add("x = 1")
        first.add("   ")
        first.add("x + 1")
        let second = History(file: file) { Issue.record("unexpected warning: \($0)") }
        #expect(second.entries == ["x = 1", "x + 1"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "x = 1\nx + 1\n")
    }

    @Test func onlyTheNewestLinesAreKept() {
        let file = scratchFile()
        let history = History(file: file, limit: 3) { _ in }
        for index in 0..<5 { history.add("line \(index)") }
        #expect(history.entries == ["line 2", "line 3", "line 4"])
        #expect(History(file: file, limit: 2) { _ in }.entries == ["line 3", "line 4"])
        #expect(History.defaultLimit == 1_000)
    }

    @Test func anUnwritableFileWarnsOnceAndKeepsHistoryInMemory() throws {
        let blocker = scratch.url.appendingPathComponent("blocker")
        try Data("not a directory".utf8).write(to: blocker)
        var warnings: [String] = []
        let history = History(file: blocker.appendingPathComponent("receptive/history")) { warnings.append($0) }
        history.add("a")
        history.add("b")
        #expect(history.entries == ["a", "b"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("cannot be written") == true)
    }

    @Test func theDefaultFileFollowsXDGDataHomeThenHome() {
        #expect(History.defaultFile(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])?.path
                == "/data/receptive/history")
        #expect(History.defaultFile(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"])?.path
                == "/home/u/.local/share/receptive/history")
        #expect(History.defaultFile(environment: [:]) == nil)
    }
}
