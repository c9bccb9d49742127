import Testing
@testable import receptive

@Suite struct EditingStateTests {
    @Test func upRecallsOlderEntriesAndDownReturnsToTheDraft() {
        let entries = ["a = 1", "b = 2"]
        var state = EditingState(prompt: ">>> ", historyCount: entries.count)
        state.buffer.insert("draft")
        state.recall(from: entries, step: -1)
        #expect(state.buffer.text == "b = 2")
        state.recall(from: entries, step: -1)
        state.recall(from: entries, step: -1)
        #expect(state.buffer.text == "a = 1")
        state.recall(from: entries, step: 1)
        state.recall(from: entries, step: 1)
        #expect(state.buffer.text == "draft")
        state.recall(from: entries, step: 1)
        #expect(state.buffer.text == "draft")
    }
}
