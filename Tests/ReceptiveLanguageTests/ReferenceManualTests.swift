import Testing
@testable import ReceptiveLanguage

/// The reference manual (docs/reference.md): complete, runnable and deterministic.
/// tests/test_reference.py checks that the committed file matches `receptive help --markdown`.
struct ReferenceManualTests {
    @Test func everyBuiltinHasAnExample() {
        let missing = ReferenceManual.builtinsWithoutExample
        #expect(missing.isEmpty, "add an example to ReferenceExamples.swift for: \(missing.joined(separator: ", "))")
    }

    @Test func everyExampleNamesABuiltin() {
        let stale = ReferenceManual.examplesWithoutBuiltin
        #expect(stale.isEmpty, "examples for names that are not builtins: \(stale.joined(separator: ", "))")
    }

    @Test(arguments: ReferenceExamples.byName.keys.sorted())
    func exampleRunsWithoutError(name: String) throws {
        let source = try #require(ReferenceExamples.byName[name])
        let run = ExampleRun(source)
        #expect(run.error == nil, "the example of \(name) failed: \(run.headline ?? "")\n\(source)")
        #expect(!run.transcript.isEmpty, "the example of \(name) shows nothing; end it with a value")
    }

    @Test func everyBuiltinAppearsInExactlyOneSection() {
        let listed = ReferenceManual.sections.flatMap { $0.builtins.map(\.name) }
        #expect(listed.sorted() == Builtins.all.keys.sorted())
    }

    @Test func manualIsDeterministicAndShowsExampleOutput() {
        let manual = ReferenceManual.markdown()
        #expect(manual == ReferenceManual.markdown())
        #expect(manual.contains("### `conv2d`"))
        #expect(manual.contains("zeros(2, 3)"))
        #expect(!manual.contains("Error:"), "an example failed while rendering the manual")
    }
}
