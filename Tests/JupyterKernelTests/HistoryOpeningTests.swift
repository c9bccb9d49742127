import Foundation
import Testing
import TestSupport
@testable import JupyterKernel

struct HistoryOpeningTests {
    @Test func aStoreOpenedOnItsOwnThreadServesAsTheStoreItself() throws {
        let scratch = try ScratchDirectory("receptive-history")
        let path = scratch.path("receptive/history.sqlite")
        let earlier = try SQLiteHistoryStore(path: path) { Issue.record("unexpected write failure: \($0)") }
        earlier.append(input: "a = 1", output: nil)
        let opening = HistoryOpening { () -> any HistoryStoring in
            do {
                return try SQLiteHistoryStore(path: path) { _ in }
            } catch {
                return HistoryStore()
            }
        }
        opening.append(input: "a + 1", output: "2")
        opening.append(input: "b = 2", output: nil)
        #expect(opening.session == earlier.session + 1)
        #expect(opening.range(session: 0, start: 1, stop: nil).map(\.input) == ["a + 1", "b = 2"])
        #expect(opening.tail(3, unique: false).map(\.input) == ["a = 1", "a + 1", "b = 2"])
        #expect(opening.search(pattern: "a*", limit: nil, unique: false).map(\.output) == [nil, "2"])
    }

    @Test func anInMemoryStoreKeepsItsCellsThroughTheOpening() {
        let opening = HistoryOpening { () -> any HistoryStoring in HistoryStore() }
        opening.append(input: "x = 3", output: nil)
        opening.append(input: "x", output: "3")
        #expect(opening.tail(5, unique: false) == [HistoryEntry(session: 1, line: 1, input: "x = 3", output: nil),
                                                   HistoryEntry(session: 1, line: 2, input: "x", output: "3")])
    }
}
