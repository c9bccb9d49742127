import Foundation
import Testing
import TestSupport
@testable import JupyterKernel

private func store(_ path: String) throws -> SQLiteHistoryStore {
    try SQLiteHistoryStore(path: path) { Issue.record("unexpected write failure: \($0)") }
}

/// Two finished sessions and a third, open one.
private func threeSessions(_ path: String) throws -> SQLiteHistoryStore {
    let first = try store(path)
    first.append(input: "a = 1", output: "a = 1")
    first.append(input: "print a", output: nil)
    let second = try store(path)
    second.append(input: "b = 2", output: "b = 2")
    let third = try store(path)
    third.append(input: "a + b", output: "3")
    third.append(input: "a = 1", output: "a = 1")
    return third
}

/// Each test gets its own scratch directory (removed after it) for its database.
struct SQLiteHistoryStoreTests {
    private let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("receptive-history")
    }

    /// A database path in a directory that does not exist yet (the store creates it).
    private func scratchDatabase() -> String {
        scratch.path("receptive/history.sqlite")
    }

    @Test func eachOpeningIsANewSessionAndCellsSurviveReopening() throws {
        let path = scratchDatabase()
        let current = try threeSessions(path)
        #expect(current.session == 3)
        #expect(current.tail(10, unique: false).map { [$0.session, $0.line] } == [[1, 1], [1, 2], [2, 1], [3, 1], [3, 2]])
        #expect(current.tail(2, unique: false) == [HistoryEntry(session: 3, line: 1, input: "a + b", output: "3"),
                                                   HistoryEntry(session: 3, line: 2, input: "a = 1", output: "a = 1")])
    }

    @Test func tailWithUniqueKeepsOnlyTheLatestOfEqualInputs() throws {
        let current = try threeSessions(scratchDatabase())
        #expect(current.tail(10, unique: true).map(\.input) == ["print a", "b = 2", "a + b", "a = 1"])
        #expect(current.tail(1, unique: true).map(\.input) == ["a = 1"])
    }

    @Test func rangeNamesSessionsAbsolutelyOrRelativeToTheCurrentOne() throws {
        let current = try threeSessions(scratchDatabase())
        #expect(current.range(session: 1, start: 1, stop: nil).map(\.input) == ["a = 1", "print a"])
        #expect(current.range(session: 1, start: 2, stop: 3).map(\.input) == ["print a"])
        #expect(current.range(session: 0, start: 1, stop: nil).map(\.input) == ["a + b", "a = 1"])
        #expect(current.range(session: -1, start: 1, stop: nil).map(\.input) == ["b = 2"])
        #expect(current.range(session: -2, start: 1, stop: 2).map(\.output) == ["a = 1"])
        #expect(current.range(session: 9, start: 1, stop: nil).isEmpty)
    }

    @Test func searchMatchesGlobsAcrossSessions() throws {
        let current = try threeSessions(scratchDatabase())
        #expect(current.search(pattern: "a*", limit: nil, unique: false).map { [$0.session, $0.line] }
                == [[1, 1], [3, 1], [3, 2]])
        #expect(current.search(pattern: "a*", limit: nil, unique: true).map { [$0.session, $0.line] } == [[3, 1], [3, 2]])
        #expect(current.search(pattern: "?rint*", limit: 1, unique: false).map(\.input) == ["print a"])
        #expect(current.search(pattern: "*", limit: 2, unique: false).map(\.input) == ["a + b", "a = 1"])
    }

    @Test func inputsWithQuotesAndUnicodeAreStoredVerbatim() throws {
        let path = scratchDatabase()
        let code = "s = \"it's\" -- ünïcødé ✓\nprint s"
        try store(path).append(input: code, output: nil)
        #expect(try store(path).range(session: -1, start: 1, stop: nil).map(\.input) == [code])
    }

    @Test func aCorruptFileIsRefusedWithAnErrorNamingIt() throws {
        let path = scratchDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteHistoryStore(path: path) { _ in }
        } throws: { error in
            guard case KernelError.historyDatabase(let named, _) = error else { return false }
            return named == path && "\(error)".contains("in memory only")
        }
    }

    @Test func anUncreatableDirectoryIsRefused() throws {
        let blocker = scratch.url.appendingPathComponent("blocker")
        try Data("not a directory".utf8).write(to: blocker)
        #expect(throws: KernelError.self) {
            _ = try SQLiteHistoryStore(path: blocker.appendingPathComponent("receptive/history.sqlite").path) { _ in }
        }
    }
}
