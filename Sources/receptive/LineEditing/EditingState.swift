/// The line being edited plus where Up/Down have got to in the history.
struct EditingState {
    /// The prompt shown before the line.
    let prompt: String
    /// The line.
    var buffer = LineBuffer()
    private var historyPosition: Int
    private var draft = LineBuffer()

    /// A fresh line after `prompt`, with history recall starting past its newest entry.
    init(prompt: String, historyCount: Int) {
        self.prompt = prompt
        historyPosition = historyCount
    }

    /// Moves `step` entries through `entries` (-1: older); moving past the newest entry
    /// brings back the line that was being typed.
    mutating func recall(from entries: [String], step: Int) {
        let target = historyPosition + step
        guard target >= 0, target <= entries.count else { return }
        if historyPosition == entries.count { draft = buffer }
        historyPosition = target
        buffer = target == entries.count ? draft : LineBuffer(entries[target])
    }
}
