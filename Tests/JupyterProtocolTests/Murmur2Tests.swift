import Foundation
import JupyterProtocol
import Testing

/// Every vector JupyterLab's own hash function produced (Fixtures/murmur2_vectors.py): a kernel
/// that hashed one byte differently would name its cells differently from the front end, and
/// no breakpoint would ever be hit.
@Test func murmur2MatchesJupyterLabsHashOfTheUTF8Code() throws {
    let url = try #require(Bundle.module.url(forResource: "murmur2-vectors", withExtension: "json", subdirectory: "Fixtures"))
    let vectors = try #require(JSONValue.parse(Data(contentsOf: url))["vectors"]?.arrayValue)
    #expect(vectors.count == 75)
    for vector in vectors {
        let text = try #require(vector["text"]?.stringValue)
        let seed = try #require(vector["seed"]?.intValue)
        let expected = try #require(vector["hash"]?.intValue)
        #expect(Murmur2.hash(text, seed: UInt32(seed)) == UInt32(expected), "\(text.debugDescription) seed \(seed)")
    }
}

@Test func murmur2OfBytesAndOfTheirTextAgree() {
    let text = "café × 2"
    #expect(Murmur2.hash(bytes: Array(text.utf8), seed: 7) == Murmur2.hash(text, seed: 7))
    // The tail bytes matter: strings that differ only after the last full word hash apart.
    #expect(Murmur2.hash("abcde", seed: 0) != Murmur2.hash("abcdf", seed: 0))
}
