import Foundation
import Tensors
import TextPlots

/// Draws the progress of a cell's long operations as a one-line text bar, then clears it.
///
/// Only the thread that runs the cell (the one that created the bar) writes output: the
/// kernel's sockets belong to it. Worker threads of a parallel loop only advance the shared
/// counter; the cell's thread takes part in the loop and draws on its own turns. All mutable
/// state is touched by that one thread, which is what makes the unchecked conformance sound.
final class ProgressBar: ProgressObserver, @unchecked Sendable {
    private let output: any SessionOutput
    private let width: Int
    private let charset: Charset
    private let timing: ProgressTiming
    private let owner = pthread_self()
    private var start: ContinuousClock.Instant?
    private var lastDraw: ContinuousClock.Instant?
    // A fresh id per operation: a cleared bar stays behind as an empty display in Jupyter.
    private var displayID: String?

    init(output: any SessionOutput, width: Int, charset: Charset, timing: ProgressTiming) {
        self.output = output
        self.width = width
        self.charset = charset
        self.timing = timing
    }

    func progressChanged(label: String, done: Int, total: Int) {
        guard isOwner else { return }
        let now = timing.now()
        guard let start else {
            start = now
            return
        }
        let elapsed = now - start
        guard elapsed >= timing.delay else { return }
        if let lastDraw, now - lastDraw < timing.interval { return }
        lastDraw = now
        let text = Self.text(label: label, done: done, total: total, elapsed: elapsed, width: width,
                             charset: charset)
        if let displayID {
            output.showProgress(text, id: displayID, update: true)
        } else {
            let id = "progress-" + UUID().uuidString
            displayID = id
            output.showProgress(text, id: id, update: false)
        }
    }

    func progressEnded() {
        guard isOwner else { return }
        if let displayID { output.showProgress("", id: displayID, update: true) }
        start = nil
        lastDraw = nil
        displayID = nil
    }

    private var isOwner: Bool { pthread_equal(pthread_self(), owner) != 0 }

    /// `conv ███████████░░░░░░░░░  58%  (3.1 s)` (`conv ###########.........` in ASCII), at
    /// most `width` columns.
    static func text(label: String, done: Int, total: Int, elapsed: Duration, width: Int,
                     charset: Charset = .unicode) -> String {
        let total = max(1, total)
        let done = min(total, max(0, done))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let percent = String(done * 100 / total)
        let suffix = String(repeating: " ", count: 5 - percent.count) + percent + "%  ("
            + String(format: "%.1f", seconds) + " s)"
        let barWidth = max(0, min(40, width - label.count - 1 - suffix.count))
        let filled = done * barWidth / total
        // The bar's glyphs: its done and remaining parts in each charset.
        let (doneGlyph, remainingGlyph): (Character, Character) = charset == .ascii ? ("#", ".") : ("█", "░")
        let bar = String(repeating: doneGlyph, count: filled) + String(repeating: remainingGlyph, count: barWidth - filled)
        return String((label + " " + bar + suffix).prefix(max(1, width)))
    }
}
