import Dispatch
import Foundation
@testable import ReceptiveKernel
import ReceptiveLanguage
import Testing
import TextPlots

/// Keeps the cell of the first pause.
private final class FirstPause: PauseHandler, @unchecked Sendable {
    // Unchecked: written once on the thread that runs the session, read after it returns.
    var cell: PausedCell?
    func paused(_ cell: PausedCell, reason: PauseReason) -> ResumeCommand {
        if self.cell == nil { self.cell = cell }
        return .run
    }
}

/// A real paused cell to wait with.
private func aPausedCell() throws -> PausedCell {
    let session = Session()
    let handler = FirstPause()
    session.debugging.attach(handler) { $0 }
    session.debugging.setBreakpoints([1], source: "a = 1")
    _ = session.run("a = 1", output: NoOutput())
    return try #require(handler.cell)
}

private final class NoOutput: SessionOutput {
    func write(_ text: String, toStandardError: Bool) {}
    func display(_ figure: Figure, id: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ figure: Figure) {}
    func readInput(prompt: String, password: Bool) throws -> String { "" }
}

/// Waits on `gate` on another thread; returns the command once it is given.
private func waitInBackground(_ gate: PauseGate, _ cell: PausedCell, announced: DispatchSemaphore)
    -> () -> ResumeCommand?
{
    nonisolated(unsafe) var result: ResumeCommand?
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        result = gate.wait(cell) { announced.signal() }
        done.signal()
    }
    return { done.wait(timeout: .now() + 30) == .success ? result : nil }
}

@Test func aPausedCellWaitsForItsCommand() throws {
    let gate = PauseGate()
    #expect(!gate.resume(.run))
    let announced = DispatchSemaphore(value: 0)
    let command = waitInBackground(gate, try aPausedCell(), announced: announced)
    #expect(announced.wait(timeout: .now() + 30) == .success)
    #expect(gate.pausedCell?.frames.first?.line == 1)
    #expect(gate.resume(.stepOver))
    #expect(command() == .stepOver)
    #expect(gate.pausedCell == nil)
}

@Test func anInterruptEndsTheWait() throws {
    let gate = PauseGate()
    let announced = DispatchSemaphore(value: 0)
    let command = waitInBackground(gate, try aPausedCell(), announced: announced)
    #expect(announced.wait(timeout: .now() + 30) == .success)
    gate.interrupt()
    #expect(command() == .abort)
    // A resume that comes after the interrupt finds nothing paused.
    #expect(!gate.resume(.run))
}

@Test func anInterruptJustBeforeThePauseAbortsWithoutPausing() throws {
    let gate = PauseGate()
    let cell = try aPausedCell()
    gate.interrupt()
    var announced = false
    #expect(gate.wait(cell) { announced = true } == .abort)
    #expect(!announced)
    // The next cell starts afresh.
    gate.interrupt()
    gate.reset()
    let semaphore = DispatchSemaphore(value: 0)
    let command = waitInBackground(gate, cell, announced: semaphore)
    #expect(semaphore.wait(timeout: .now() + 30) == .success)
    #expect(gate.resume(.run))
    #expect(command() == .run)
}
