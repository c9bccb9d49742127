import Foundation
import Testing
@testable import ReceptiveLanguage

/// The language guide's example runner (docs/language.md, `receptive help --guide`): outputs
/// are regenerated under each example, and nothing else in the guide changes.
struct LanguageGuideTests {
    @Test func outputBlocksAreReplacedByWhatTheExamplesShow() {
        let guide = """
            # Title

            ```receptive
            print("hi")
            1 + 1
            ```

            ```text
            stale
            ```

            Prose stays.

            ```receptive
            x = 1
            ```

            ```
            a sketch, not run: fn name(a) = expr
            ```

            ```receptive
            y = 2
            yy
            ```

            """
        // The stale output is replaced, the example that shows nothing gets no block, the sketch
        // is left alone, and an error is shown with its source line and caret.
        let expected = guide
            .replacingOccurrences(of: "```text\nstale\n```", with: "```text\nhi\n2\n```")
            .replacingOccurrences(of: "yy\n```\n", with: """
                yy
                ```

                ```text
                NameError: name 'yy' is not defined; did you mean 'y'?
                2 | yy
                  | ^^
                ```

                """)
        #expect(LanguageGuide.refreshed(guide) == expected)
    }

    @Test func aRefreshedGuideIsAFixedPoint() {
        let guide = "```receptive\n[1, 2] * 2\n```\n"
        let once = LanguageGuide.refreshed(guide)
        #expect(once == "```receptive\n[1, 2] * 2\n```\n\n```text\ntensor 2\n[2. 4.]\n```\n")
        #expect(LanguageGuide.refreshed(once) == once)
    }

    @Test func examplesRunInSessionsOfTheirOwn() {
        let guide = "```receptive\nshared = 1\n```\n\n```receptive\nshared\n```\n"
        #expect(LanguageGuide.refreshed(guide).contains("NameError: name 'shared' is not defined"))
    }
}
