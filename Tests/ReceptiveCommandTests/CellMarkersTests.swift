import Testing
@testable import receptive

@Suite struct CellMarkersTests {
    @Test func commentMarkersAreWholeCommentLinesAsInNbval() {
        #expect(!CellMarkers(source: "# NBVAL_IGNORE_OUTPUT\ntimeit(f)", tags: []).checksOutput)
        #expect(!CellMarkers(source: "x = 1\n  ## NBVAL_IGNORE_OUTPUT  ", tags: []).checksOutput)
        #expect(CellMarkers(source: "# NBVAL_IGNORE_OUTPUT: timings", tags: []).checksOutput)
        #expect(CellMarkers(source: "x = 1  # NBVAL_IGNORE_OUTPUT", tags: []).checksOutput)
        #expect(CellMarkers(source: "# NBVAL_SKIP", tags: []).skipped)
        #expect(CellMarkers(source: "# NBVAL_RAISES_EXCEPTION\nundefined", tags: []).raisesException)
        #expect(CellMarkers(source: "x", tags: []) == CellMarkers())
    }

    @Test func tagsMarkCellsAndCommentsOverrideThem() {
        #expect(!CellMarkers(source: "", tags: ["nbval-ignore-output"]).checksOutput)
        #expect(CellMarkers(source: "", tags: ["raises-exception"]).raisesException)
        #expect(CellMarkers(source: "", tags: ["nbval-raises-exception"]).raisesException)
        #expect(CellMarkers(source: "", tags: ["nbval-skip"]).skipped)
        #expect(CellMarkers(source: "# NBVAL_CHECK_OUTPUT", tags: ["nbval-ignore-output"]).checksOutput)
        #expect(!CellMarkers(source: "# NBVAL_IGNORE_OUTPUT", tags: ["nbval-check-output"]).checksOutput)
        #expect(CellMarkers(source: "", tags: ["parameters", "unrelated"]) == CellMarkers())
    }
}
