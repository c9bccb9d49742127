import Foundation
@testable import ReceptiveLanguage
import Testing

/// The bounded language fuzz pass CI runs: grammar-generated programs and mutated golden
/// scripts through the lexer, parser, evaluator and rendering. A crash kills the test process;
/// an untyped error, or an input that ignores its interrupt, fails the test. Inputs slower than
/// the timeout but stopped by the interrupt are reported (legal programs may loop for long).
/// RECEPTIVE_FUZZ_INPUTS and RECEPTIVE_FUZZ_SEED change the size and the seed.
struct LanguageFuzzTests {
    private static let defaultInputs = 100_000
    private static let defaultSeed: UInt64 = 0x00F0_22ED

    @Test func generatedAndMutatedProgramsNeverCrashHangOrThrowUntyped() throws {
        let environment = ProcessInfo.processInfo.environment
        let inputs = environment["RECEPTIVE_FUZZ_INPUTS"].flatMap { Int($0) } ?? Self.defaultInputs
        let seed = environment["RECEPTIVE_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let sources = try FuzzSources(seed: seed)
        let started = Date()
        let report = FuzzRunner(count: inputs, inputTimeout: .seconds(2)).run { index in sources.input(index) }
        let seconds = Date().timeIntervalSince(started)
        print("language fuzz: seed \(seed), \(report.inputs) inputs in \(String(format: "%.1f", seconds)) s, "
              + "\(report.typedErrors) typed errors, \(report.slowButInterrupted.count) slow inputs stopped by interrupt")
        for slow in report.slowButInterrupted { print("slow (interrupted) \(slow)") }
        #expect(report.failures.isEmpty, "seed \(seed): \(report.failures.map(\.description).joined(separator: "\n"))")
        #expect(report.inputs == inputs || !report.failures.isEmpty)
        // Interruptible but slow inputs must stay rare, or the pass stops meaning "a few minutes".
        #expect(report.slowButInterrupted.count <= max(5, inputs / 10_000), "seed \(seed)")
    }

    /// The watchdog must notice a long input and stop it, or the pass could not report hangs.
    @Test func watchdogInterruptsALongInput() {
        let loop = "n = 0\nfor i in arange(100000) { for j in arange(100000) { n += 1 } }"
        let report = FuzzRunner(count: 2, inputTimeout: .milliseconds(200)).run { index in index == 0 ? loop : "1 + 1" }
        #expect(report.inputs == 2)
        #expect(report.slowButInterrupted.map(\.input) == [loop])
        #expect(report.failures.isEmpty)
    }

    /// The generator must write grammatical programs, or the pass only exercises the parser's errors.
    @Test func generatedProgramsMostlyParse() {
        var generator = ProgramGenerator(seed: Self.defaultSeed)
        let programs = (0..<2000).map { _ in generator.program() }
        let parsed = programs.filter { if case .success = Parser.parse($0) { true } else { false } }
        print("language fuzz: \(parsed.count) of \(programs.count) generated programs parse")
        #expect(parsed.count >= programs.count * 9 / 10)
    }
}

/// Even inputs are generated from the grammar, odd ones are mutated golden scripts; both
/// streams are seeded, and called from one thread only, hence the unchecked conformance.
final class FuzzSources: @unchecked Sendable {
    private var generator: ProgramGenerator
    private var mutator: ScriptMutator

    init(seed: UInt64) throws {
        generator = ProgramGenerator(seed: seed)
        mutator = try ScriptMutator(seed: seed ^ 0xA5A5_A5A5)
    }

    func input(_ index: Int) -> String {
        index % 2 == 0 ? generator.program() : mutator.mutant()
    }
}
