import Testing
import TextPlots

@Test func brailleAndBoxDrawingAreOneColumnWideAndCJKTwo() {
    #expect(TextWidth.columns("⣿─●") == 3)
    #expect(TextWidth.columns("漢字") == 4)
}
