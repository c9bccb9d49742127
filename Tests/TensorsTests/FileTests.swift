import Foundation
import Testing
import TestSupport
@testable import Tensors

// Reference files are written by numpy (Fixtures/make_fixtures.py); the values are exact in
// Double (float32 0.1 is compared after the same float32 rounding), so equality is exact.

private func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return url.path
}

private func fixtureBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: try fixture(name))))
}

@Test(arguments: ["int8.npy", "int16.npy", "int32.npy", "int64.npy"])
func loadsSignedIntegerNpy(name: String) throws {
    #expect(try TensorFile.load(fixture(name), relativeTo: nil, control: .fresh) == makeTensor([2, 3], [0, 1, -2, 3, -4, 5]))
}

@Test func loadsFloatBoolAndUnsignedNpy() throws {
    #expect(try TensorFile.load(fixture("float64.npy"), relativeTo: nil, control: .fresh) == makeTensor([2, 3], [0.5, -1.25, 3, 1e-3, 2, -0.0]))
    #expect(try TensorFile.load(fixture("float32.npy"), relativeTo: nil, control: .fresh) == makeTensor([3], [Double(Float(0.1)), -2.5, 3]))
    #expect(try TensorFile.load(fixture("uint16.npy"), relativeTo: nil, control: .fresh) == makeTensor([3], [0, 65535, 258]))
    #expect(try TensorFile.load(fixture("bool.npy"), relativeTo: nil, control: .fresh) == makeTensor([3], [1, 0, 1]))
    #expect(try TensorFile.load(fixture("scalar.npy"), relativeTo: nil, control: .fresh) == Tensor(scalar: 7.5))
    #expect(try TensorFile.load(fixture("fortran.npy"), relativeTo: nil, control: .fresh) == arangeTensor([2, 3]))
}

@Test func writesNpyByteIdenticalToNumpy() throws {
    let original = try fixtureBytes("float64.npy")
    let tensor = try NumpyFile.decode(original, fileName: "float64.npy", control: .fresh)
    #expect(NumpyFile.encode(tensor) == original)
}

@Test func loadsNetpbmRawSamples() throws {
    #expect(try TensorFile.load(fixture("grey-ascii.pgm"), relativeTo: nil, control: .fresh) == makeTensor([2, 3], [0, 128, 255, 1, 2, 3]))
    #expect(try TensorFile.load(fixture("grey-16.pgm"), relativeTo: nil, control: .fresh) == makeTensor([1, 2], [258, 65535]))
    // Colour is channels first: 3×H×W.
    #expect(try TensorFile.load(fixture("colour.ppm"), relativeTo: nil, control: .fresh) == makeTensor([3, 1, 2], [255, 1, 0, 2, 10, 3]))
    #expect(try TensorFile.load(fixture("colour-ascii.ppm"), relativeTo: nil, control: .fresh) == makeTensor([3, 2, 1], [15, 1, 0, 2, 7, 3]))
}

@Test func loadsCsvSkippingCommentsAndBlankLines() throws {
    let table = try TensorFile.load(fixture("table.csv"), relativeTo: nil, control: .fresh)
    #expect(isClose(table, [3, 2], [1, 2.5, -3, .nan, 4, 1e-3]))
}

/// Saving and loading in a scratch directory of each test's own.
struct TensorFileScratchTests {
    private let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("receptive-tensors")
    }

    @Test(arguments: ["npy", "csv", "pgm", "ppm"])
    func roundTripsThroughEveryFormat(fileExtension: String) throws {
        let tensor = fileExtension == "ppm"
            ? arangeTensor([3, 2, 2]).map { $0 * 23 }
            : (fileExtension == "pgm" ? arangeTensor([2, 3]).map { $0 * 1000 } : makeTensor([2, 3], [0.1, -2, 1e300, 3, .infinity, 5]))
        let path = scratch.path("round-trip.\(fileExtension)")
        try TensorFile.save(tensor, to: path, relativeTo: nil, control: .fresh)
        #expect(try TensorFile.load(path, relativeTo: nil, control: .fresh) == tensor)
    }

    @Test func relativePathsAreResolvedAgainstTheGivenDirectory() throws {
        let tensor = makeTensor([2], [1, 2])
        try TensorFile.save(tensor, to: "x.npy", relativeTo: scratch.url, control: .fresh)
        #expect(FileManager.default.fileExists(atPath: scratch.path("x.npy")))
        #expect(try TensorFile.load("x.npy", relativeTo: scratch.url, control: .fresh) == tensor)
        // Messages name the path as it was written, not the resolved one.
        #expect(throws: TensorError.io("y.npy: no such file (or it cannot be read); check the path")) {
            try TensorFile.load("y.npy", relativeTo: scratch.url, control: .fresh)
        }
        // An absolute path ignores the directory.
        #expect(try TensorFile.load(scratch.path("x.npy"), relativeTo: URL(fileURLWithPath: "/nonexistent"),
                                    control: .fresh) == tensor)
    }

    @Test func saveRejectsWhatTheFormatCannotHold() throws {
        for (name, tensor) in [("x.csv", arangeTensor([2, 2, 2])), ("x.pgm", makeTensor([1, 1], [-1])),
                               ("x.ppm", arangeTensor([2, 2])), ("x.txt", arangeTensor([2])),
                               ("noextension", arangeTensor([2]))] {
            #expect(throws: TensorError.self) { try TensorFile.save(tensor, to: name, relativeTo: scratch.url, control: .fresh) }
        }
        // Nothing was written.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}

@Test func missingFileIsAnIOError() {
    #expect(throws: TensorError.io("/nonexistent/x.npy: no such file (or it cannot be read); check the path")) {
        try TensorFile.load("/nonexistent/x.npy", relativeTo: nil, control: .fresh)
    }
}

/// Applies `edit` to a fixture's bytes and expects decoding to fail with an io error.
private func expectCorrupt(_ name: String, _ edit: (inout [UInt8]) -> Void) throws {
    var bytes = try fixtureBytes(name)
    edit(&bytes)
    let control = ExecutionControl()
    let error = #expect(throws: TensorError.self) {
        try TensorFile.decode(bytes, format: TensorFile.format(of: name), fileName: name, control: control)
    }
    if case .io(let message)? = error { #expect(message.hasPrefix(name)) } else { Issue.record("expected .io, found \(String(describing: error))") }
}

private func replace(_ bytes: inout [UInt8], _ old: String, _ new: String) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let range = text.range(of: old) else { return }
    let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    bytes.replaceSubrange(start..<(start + old.utf8.count), with: Array(new.utf8))
}

@Test func corruptNpyFilesAreIOErrors() throws {
    try expectCorrupt("float64.npy") { $0 = Array($0.prefix(20)) }             // truncated header
    try expectCorrupt("float64.npy") { $0.removeLast() }                       // truncated data
    try expectCorrupt("float64.npy") { replace(&$0, "(2, 3)", "(2, 4)") }      // lying shape
    try expectCorrupt("float64.npy") { replace(&$0, "(2, 3)", "(9, 9)") }      // lying, larger
    try expectCorrupt("float64.npy") { $0[1] = UInt8(ascii: "X") }             // wrong magic
    try expectCorrupt("float64.npy") { replace(&$0, "<f8", ">f8") }            // big-endian
    try expectCorrupt("float64.npy") { replace(&$0, "'shape'", "'shope'") }    // missing key
    try expectCorrupt("float64.npy") { $0[8] = 0xFF; $0[9] = 0xFF }            // header length past the end
    try expectCorrupt("int8.npy") { replace(&$0, "(2, 3)", "(-2, 3)") }        // negative extent
}

@Test func corruptNetpbmAndCsvFilesAreIOErrors() throws {
    try expectCorrupt("colour.ppm") { $0.removeLast() }                        // truncated pixels
    try expectCorrupt("grey-ascii.pgm") { replace(&$0, "1 2 3", "1 2") }       // missing sample
    try expectCorrupt("grey-ascii.pgm") { replace(&$0, "128", "999") }         // above maxval
    try expectCorrupt("grey-ascii.pgm") { replace(&$0, "P2", "P7") }           // wrong magic
    try expectCorrupt("grey-16.pgm") { replace(&$0, "65535", "70000") }        // bad maxval
    try expectCorrupt("table.csv") { replace(&$0, "-3,nan", "-3") }            // ragged row
    try expectCorrupt("table.csv") { replace(&$0, "2.5", "two") }              // not a number
}

@Test func hugeDeclaredSizesHitTheCapNotTheHeap() throws {
    let header = Array("P5 100000 100000 255\n".utf8)
    #expect(throws: TensorError.self) { try NetpbmFile.decode(header, fileName: "huge.pgm", control: .fresh) }
    var npy = try fixtureBytes("float64.npy")
    replace(&npy, "(2, 3)", "(9999999999, 9999999999)")
    #expect(throws: TensorError.self) { try NumpyFile.decode(npy, fileName: "huge.npy", control: .fresh) }
}

@Test func randomlyMutatedFilesDecodeOrFailWithATypedError() throws {
    var generator = RandomGenerator(seed: 2024)
    var (decoded, refused) = (0, 0)
    for name in ["float64.npy", "int16.npy", "fortran.npy", "grey-ascii.pgm", "grey-16.pgm", "colour.ppm", "table.csv"] {
        let original = try fixtureBytes(name)
        for _ in 0..<300 {
            var bytes = original
            let edits = Int(generator.next() % 4) + 1
            for _ in 0..<edits {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.removeSubrange(position...)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                }
                if bytes.isEmpty { break }
            }
            let format = try TensorFile.format(of: name)
            if try decodeOrRefuse(name, { try TensorFile.decode(bytes, format: format, fileName: name, control: .fresh) }) != nil {
                decoded += 1
            } else {
                refused += 1
            }
        }
    }
    // Both outcomes happen, so the mutations reach past the header checks and into them.
    #expect(decoded > 0)
    #expect(refused > 0)
}

@Test func hugeHeadersFallBackToVersionTwo() throws {
    // 30 000 axes of extent 1 make a shape text longer than version 1.0's 65 535-byte header.
    let tensor = makeTensor([Int](repeating: 1, count: 30_000), [4.5])
    let bytes = NumpyFile.encode(tensor)
    #expect(bytes[6] == 2)
    #expect(try NumpyFile.decode(bytes, fileName: "wide.npy", control: .fresh) == tensor)
    #expect((bytes.count - 8) % 64 == 0)
}
