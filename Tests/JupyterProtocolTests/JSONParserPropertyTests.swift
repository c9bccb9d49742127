import Foundation
import Testing
@testable import JupyterProtocol

/// SplitMix64, so a failing case reproduces from its seed.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func randomString(_ random: inout SeededGenerator) -> String {
    let pool: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "é", "✓", "🎉", "\u{7F}"]
    return String(String.UnicodeScalarView((0..<Int.random(in: 0...8, using: &random)).map { _ in
        pool.randomElement(using: &random) ?? "a"
    }))
}

private func randomValue(_ random: inout SeededGenerator, depth: Int = 0) -> JSONValue {
    switch Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &random) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &random))
    case 2: return .int(Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random))
    case 3: return .double(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random(using: &random) ? 1 : -1))
    case 4: return .double(Double(Int.random(in: -1000...1000, using: &random)) / 8)
    case 5: return .string(randomString(&random))
    case 6: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(&random, depth: depth + 1) })
    default:
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            members[randomString(&random)] = randomValue(&random, depth: depth + 1)
        }
        return .object(members)
    }
}

@Test func randomValuesSurviveSerializingAndParsing() throws {
    var random = SeededGenerator(state: 7)
    for _ in 0..<2000 {
        let value = randomValue(&random)
        #expect(try JSONValue.parse(value.serialized()) == value, "\(value)")
    }
}

@Test func mutatedJSONParsesOrThrowsButNeverCrashes() {
    var random = SeededGenerator(state: 11)
    let bytes: [UInt8] = Array(#"{"a":[1,-2.5e3,true,null,"x\u00e9\"y"],"b":{"c":""}}"#.utf8)
    let interesting = Array(#"{}[]",:\-+.eE0123456789tfnu"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
    for _ in 0..<5000 {
        var mutated = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let index = Int.random(in: 0..<mutated.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: mutated[index] = interesting.randomElement(using: &random) ?? 0
            case 1: mutated.remove(at: index)
            default: mutated.insert(interesting.randomElement(using: &random) ?? 0, at: index)
            }
            if mutated.isEmpty { mutated = [0x7B] }
        }
        do {
            _ = try JSONValue.parse(Data(mutated))
        } catch {
            guard case .invalidJSON(let offset, _) = error else { Issue.record("unexpected \(error)"); continue }
            #expect((0...mutated.count).contains(offset))
        }
    }
}
