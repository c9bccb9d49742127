/// What the terminal shows of a line: the prompt, the part of the text that fits in the
/// terminal's width (scrolled to keep the cursor visible), and how far the cursor sits back
/// from the end of what is shown.
struct LineView: Equatable {
    /// The text written after the prompt.
    let visibleText: String
    /// Columns between the end of `visibleText` and the cursor.
    let cursorBack: Int

    /// The view of `buffer` after `prompt` in a terminal `width` columns wide (nil: unknown,
    /// everything is shown).
    init(prompt: String, buffer: LineBuffer, width: Int?) {
        let scalars = buffer.scalars
        // The last column stays free so the terminal never wraps the line.
        let room = (width ?? Int.max) - prompt.unicodeScalars.count - 1
        guard room >= 1, scalars.count > room else {
            visibleText = buffer.text
            cursorBack = buffer.scalarsAfterCursor
            return
        }
        let start = max(0, min(buffer.cursor - room / 2, scalars.count - room))
        let shown = scalars[start..<(start + room)]
        visibleText = String(String.UnicodeScalarView(shown))
        cursorBack = start + room - buffer.cursor
    }
}
