import Testing
@testable import receptive

@Suite struct LineBufferTests {
    @Test func insertingAtTheCursorKeepsTheRestOfTheLine() {
        var buffer = LineBuffer("x + 1")
        buffer.moveToStart()
        buffer.insert("y = ")
        #expect(buffer.text == "y = x + 1")
        #expect(buffer.cursor == 4)
    }

    @Test func deletingStopsAtTheEdgesOfTheLine() {
        var buffer = LineBuffer("ab")
        buffer.deleteForward()
        #expect(buffer.text == "ab")
        buffer.deleteBackward()
        buffer.deleteBackward()
        buffer.deleteBackward()
        #expect(buffer.text == "")
        #expect(buffer.cursor == 0)
    }

    @Test func movingLeftAndRightIsClampedAndCountsScalars() {
        var buffer = LineBuffer("aé")
        buffer.moveRight()
        #expect(buffer.cursor == 2)
        buffer.moveLeft()
        buffer.deleteForward()
        #expect(buffer.text == "a")
        buffer.moveLeft()
        buffer.moveLeft()
        #expect(buffer.cursor == 0)
        #expect(buffer.scalarsAfterCursor == 1)
    }

    @Test func replacingARangeClampsItAndPutsTheCursorAfterTheReplacement() {
        var buffer = LineBuffer("y = lins + 1")
        buffer.replace(from: 4, to: 8, with: "linspace")
        #expect(buffer.text == "y = linspace + 1")
        #expect(buffer.cursor == 12)
        buffer.replace(from: 20, to: 3, with: "!")
        #expect(buffer.text == "y = linspace + 1!")
    }

    @Test func deletingToEitherEndOfTheLine() {
        var buffer = LineBuffer("abc = 1")
        buffer.moveToStart()
        buffer.moveRight()
        buffer.moveRight()
        buffer.deleteToEnd()
        #expect(buffer.text == "ab")
        buffer.moveLeft()
        buffer.deleteToStart()
        #expect(buffer.text == "b")
        #expect(buffer.cursor == 0)
    }
}
