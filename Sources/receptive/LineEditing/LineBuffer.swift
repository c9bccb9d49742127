/// The text being edited on one line and the cursor in it, counted in Unicode scalars
/// (the unit of `Session.completions` offsets).
struct LineBuffer: Equatable {
    /// The line's scalars.
    private(set) var scalars: [Unicode.Scalar]
    /// The cursor position, `0...scalars.count`.
    private(set) var cursor: Int

    /// A buffer holding `text` with the cursor at its end.
    init(_ text: String = "") {
        scalars = Array(text.unicodeScalars)
        cursor = scalars.count
    }

    /// The line as a string.
    var text: String { String(String.UnicodeScalarView(scalars)) }

    /// The text after the cursor, which a redraw must step back over.
    var scalarsAfterCursor: Int { scalars.count - cursor }

    /// Inserts text at the cursor and moves the cursor past it.
    mutating func insert(_ text: String) {
        let inserted = Array(text.unicodeScalars)
        scalars.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
    }

    /// Deletes the scalar before the cursor (Backspace).
    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        scalars.remove(at: cursor)
    }

    /// Deletes the scalar under the cursor (Delete).
    mutating func deleteForward() {
        guard cursor < scalars.count else { return }
        scalars.remove(at: cursor)
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    mutating func deleteToStart() {
        scalars.removeFirst(cursor)
        cursor = 0
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    mutating func deleteToEnd() {
        scalars.removeLast(scalars.count - cursor)
    }

    /// Moves the cursor one scalar left.
    mutating func moveLeft() { cursor = max(0, cursor - 1) }

    /// Moves the cursor one scalar right.
    mutating func moveRight() { cursor = min(scalars.count, cursor + 1) }

    /// Moves the cursor to the start of the line (Home, Ctrl-A).
    mutating func moveToStart() { cursor = 0 }

    /// Moves the cursor to the end of the line (End, Ctrl-E).
    mutating func moveToEnd() { cursor = scalars.count }

    /// Replaces the scalars in `start..<end` (clamped to the line) and puts the cursor after
    /// the replacement; completions arrive as such a range.
    mutating func replace(from start: Int, to end: Int, with text: String) {
        let lower = min(max(0, start), scalars.count)
        let upper = min(max(lower, end), scalars.count)
        let replacement = Array(text.unicodeScalars)
        scalars.replaceSubrange(lower..<upper, with: replacement)
        cursor = lower + replacement.count
    }
}
