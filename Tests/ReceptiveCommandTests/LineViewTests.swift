import Testing
@testable import receptive

@Suite struct LineViewTests {
    @Test func aShortLineIsShownWholeWithTheCursorInPlace() {
        var buffer = LineBuffer("x = 1")
        buffer.moveLeft()
        let view = LineView(prompt: ">>> ", buffer: buffer, width: 80)
        #expect(view == LineView.shown("x = 1", back: 1))
        #expect(LineView(prompt: ">>> ", buffer: buffer, width: nil) == view)
    }

    @Test func aLongLineScrollsToKeepTheCursorVisibleWithoutWrapping() {
        let text = "abcdefghijklmnopqrstuvwxyz"
        let atEnd = LineView(prompt: ">>> ", buffer: LineBuffer(text), width: 15)
        #expect(atEnd == LineView.shown("qrstuvwxyz", back: 0))
        var buffer = LineBuffer(text)
        buffer.moveToStart()
        #expect(LineView(prompt: ">>> ", buffer: buffer, width: 15) == LineView.shown("abcdefghij", back: 10))
        for _ in 0..<12 { buffer.moveRight() }
        let middle = LineView(prompt: ">>> ", buffer: buffer, width: 15)
        #expect(middle == LineView.shown("hijklmnopq", back: 5))
    }

    @Test func aTerminalNarrowerThanThePromptShowsEverything() {
        #expect(LineView(prompt: ">>> ", buffer: LineBuffer("abc"), width: 4) == LineView.shown("abc", back: 0))
    }
}

extension LineView {
    /// The view expected to show `text` with the cursor `back` columns before its end.
    fileprivate static func shown(_ text: String, back: Int) -> LineView {
        var buffer = LineBuffer(text)
        for _ in 0..<back { buffer.moveLeft() }
        return LineView(prompt: "", buffer: buffer, width: nil)
    }
}
