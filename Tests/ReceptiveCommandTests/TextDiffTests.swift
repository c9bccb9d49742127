import Testing
@testable import receptive

@Suite struct TextDiffTests {
    /// Each expected diff is what Python 3.11's `difflib.unified_diff(a.splitlines(True),
    /// b.splitlines(True), "saved", "now")` printed for the same texts.
    @Test(arguments: [
        ("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n", "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nK\nl\n",
         "--- saved\n+++ now\n@@ -1,11 +1,12 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n j\n-k\n+K\n+l\n"),
        ("", "x\ny\n", "--- saved\n+++ now\n@@ -0,0 +1,2 @@\n+x\n+y\n"),
        ("x\ny\n", "", "--- saved\n+++ now\n@@ -1,2 +0,0 @@\n-x\n-y\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n",
         "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n",
         "--- saved\n+++ now\n@@ -14,3 +14,4 @@\n 14\n 15\n 16\n+17\n"),
        ("a\nb\nc\n", "a\nc\n", "--- saved\n+++ now\n@@ -1,3 +1,2 @@\n a\n-b\n c\n"),
    ])
    func matchesDifflib(old: String, new: String, expected: String) {
        #expect(TextDiff.unified(old, new, oldLabel: "saved", newLabel: "now") == expected)
    }

    @Test func changesFarApartMakeSeparateHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "2\n3\n", with: "2\nthree\n").replacingOccurrences(of: "\n18\n", with: "\neighteen\n")
        let diff = TextDiff.unified(old, new, oldLabel: "saved", newLabel: "now")
        #expect(diff.components(separatedBy: "@@ -").count == 3)
        #expect(diff.contains("@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"))
        #expect(diff.contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n"))
    }

    @Test func equalTextsHaveNoDiffAndAMissingFinalNewlineIsShown() {
        #expect(TextDiff.unified("same\n", "same\n", oldLabel: "a", newLabel: "b") == "")
        #expect(TextDiff.unified("x", "x\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of text\n+x\n")
    }
}
