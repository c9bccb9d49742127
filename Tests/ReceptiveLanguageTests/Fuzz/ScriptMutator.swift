import Foundation
import Testing

/// Mutates the golden scripts: byte and token insertions, deletions, swaps and duplications.
/// Chunks that touch files, read input, time work or change limits are left out, so a mutant
/// can never write outside the test or lift the allocation cap.
struct ScriptMutator {
    private static let unsafeCalls = ["save(", "load(", "image(", "input(", "timeit", "set("]

    /// The golden scripts' `# ---`-separated chunks, as Unicode scalars.
    let chunks: [[Unicode.Scalar]]
    private var random: SplitMix64

    /// Loads every golden script of the test bundle.
    init(seed: UInt64) throws {
        random = SplitMix64(seed: seed)
        let folder = try #require(Bundle.module.url(forResource: "Scripts", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "rcp" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        chunks = try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).components(separatedBy: "# ---")
        }
        .filter { chunk in !Self.unsafeCalls.contains { chunk.contains($0) } }
        .map { Array($0.unicodeScalars) }
    }

    /// One chunk with one to six mutations applied.
    mutating func mutant() -> String {
        var scalars = chunks[pick(chunks.count)]
        for _ in 0..<(pick(6) + 1) { mutate(&scalars) }
        return String(String.UnicodeScalarView(scalars))
    }

    private mutating func pick(_ count: Int) -> Int { Int(random.next() % UInt64(max(count, 1))) }

    private mutating func mutate(_ scalars: inout [Unicode.Scalar]) {
        guard !scalars.isEmpty else { return }
        let at = pick(scalars.count)
        let token = tokenRange(around: at, in: scalars)
        switch pick(8) {
        case 0: scalars.remove(at: at)
        case 1: scalars.insert(scalars[pick(scalars.count)], at: at)
        case 2: scalars.swapAt(at, pick(scalars.count))
        case 3: scalars.insert(Unicode.Scalar(UInt8(truncatingIfNeeded: random.next()) & 0x7F), at: at)
        case 4: scalars.removeSubrange(token)
        case 5: scalars.insert(contentsOf: Array(scalars[token]), at: token.upperBound)
        case 6:
            let other = tokenRange(around: pick(scalars.count), in: scalars)
            let copy = Array(scalars[other])
            scalars.insert(contentsOf: copy, at: at)
        default:
            let other = tokenRange(around: pick(scalars.count), in: scalars)
            guard other.lowerBound >= token.upperBound else { return }
            let (first, second) = (Array(scalars[token]), Array(scalars[other]))
            scalars.replaceSubrange(other, with: first)
            scalars.replaceSubrange(token, with: second)
        }
    }

    /// The word (letters, digits, '_', '.') around `index`, or just that scalar.
    private func tokenRange(around index: Int, in scalars: [Unicode.Scalar]) -> Range<Int> {
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
        }
        guard isWord(scalars[index]) else { return index..<(index + 1) }
        var lower = index
        var upper = index + 1
        while lower > 0 && isWord(scalars[lower - 1]) { lower -= 1 }
        while upper < scalars.count && isWord(scalars[upper]) { upper += 1 }
        return lower..<upper
    }
}
