import Foundation
@testable import ReceptiveLanguage
import Testing

/// Random and mutated programs must never crash or hang the session: each either runs or
/// ends in a reported error. Bounded to a few seconds; the generator is seeded, so a failure
/// reproduces.
struct FuzzSmokeTests {
    private static let fragments = [
        "x", "y", "f", "t", "1", "0", "-1", "2.5", "1e3", "\"s\"", "true", "none", "(", ")", "[", "]",
        "{", "}", ",", ":", ";", "\n", "=", "+=", "+", "-", "*", "/", "%", "**", "@", "==", "<", "and",
        "or", "not", "fn", "return", "if", "else", "for", "in", ".", "shape", "T", "print", "len", "type",
        "[1, 2]", "[[1, 2], [3, 4]]", "(1,)", "::-1", "#c", "\"", "\\", "é", "$",
    ]

    /// The language helper's own scripts; their mutants stay small (no large allocations).
    private static let seedScripts = ["basics", "functions", "control", "tensors", "indexing", "errors"]

    @Test func randomTokenSoupNeverCrashes() {
        var random = SplitMix64(seed: 0x5EED)
        let session = Session()
        let output = RecordingOutput()
        let deadline = Date().addingTimeInterval(2)
        var runs = 0
        while Date() < deadline && runs < 4000 {
            let count = Int(random.next() % 40) + 1
            let code = (0..<count).map { _ in FuzzSmokeTests.fragments[Int(random.next() % UInt64(FuzzSmokeTests.fragments.count))] }
                .joined(separator: random.next() % 3 == 0 ? "" : " ")
            _ = session.run(code, output: output)
            _ = session.completeness(of: code)
            _ = session.completions(in: code, cursorPosition: Int(random.next() % UInt64(code.unicodeScalars.count + 2)))
            _ = session.inspection(in: code, cursorPosition: Int(random.next() % UInt64(code.unicodeScalars.count + 2)))
            runs += 1
        }
        #expect(runs > 100)
    }

    @Test func mutatedScriptsNeverCrash() throws {
        var random = SplitMix64(seed: 0xC0FFEE)
        let sources = try FuzzSmokeTests.seedScripts.map { name -> [Unicode.Scalar] in
            let url = try #require(Bundle.module.url(forResource: "Scripts/\(name)", withExtension: "rcp"))
            return Array(try String(contentsOf: url, encoding: .utf8).unicodeScalars)
        }
        let deadline = Date().addingTimeInterval(3)
        var runs = 0
        while Date() < deadline && runs < 600 {
            var scalars = sources[runs % sources.count]
            for _ in 0..<(Int(random.next() % 6) + 1) { mutate(&scalars, &random) }
            let code = String(String.UnicodeScalarView(scalars))
            _ = Session().run(code, output: RecordingOutput())
            runs += 1
        }
        #expect(runs >= 6)
    }

    private func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout SplitMix64) {
        guard !scalars.isEmpty else { return }
        let at = Int(random.next() % UInt64(scalars.count))
        switch random.next() % 4 {
        case 0: scalars.remove(at: at)
        case 1: scalars.insert(scalars[Int(random.next() % UInt64(scalars.count))], at: at)
        case 2:
            let other = Int(random.next() % UInt64(scalars.count))
            scalars.swapAt(at, other)
        default:
            let fragment = FuzzSmokeTests.fragments[Int(random.next() % UInt64(FuzzSmokeTests.fragments.count))]
            scalars.insert(contentsOf: fragment.unicodeScalars, at: at)
        }
    }
}

/// A small seeded generator (SplitMix64), so fuzz cases are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
