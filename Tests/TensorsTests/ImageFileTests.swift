import Foundation
import Testing
import TestSupport
@testable import Tensors

// PNG and JPEG through libpng and libjpeg. The fixtures and their expected tensors are written
// by Fixtures/images/make_images.py (Pillow 13.0.0): PNG expectations are the samples the files
// were made from, JPEG ones Pillow's own decode. Both are compared exactly: PNG is lossless, and
// libjpeg-turbo's accurate integer IDCT and smooth upsampling give the same bytes in every
// version and SIMD path (its test suite checks decoder output by MD5 across them), so Debian's
// 2.1.5 and Pillow's 3.2.0 agree sample for sample.

private let pngFixtures = ["grey8", "grey16", "grey1", "grey2", "grey4", "grey8-trns", "grey-alpha8", "rgb8", "rgba8",
                           "rgb16", "rgba16", "palette", "palette-alpha", "rgb8-interlaced", "grey16-interlaced"]
private let jpegFixtures = ["baseline", "progressive", "444", "grey", "grey-progressive"]
private let allImages = pngFixtures.map { "\($0).png" } + jpegFixtures.map { "\($0).jpg" }

private func imageBytes(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/images"))
    return Array(try Data(contentsOf: url))
}

/// Decodes a fixture's (possibly edited) bytes as `load` would, by its extension.
private func decode(_ bytes: [UInt8], _ name: String, control: ExecutionControl = .fresh) throws -> Tensor {
    try TensorFile.decode(bytes, format: TensorFile.format(of: name), fileName: name, control: control)
}

private func expected(_ name: String) throws -> Tensor {
    let stem = String(name.prefix { $0 != "." })
    return try NumpyFile.decode(imageBytes("\(stem).npy"), fileName: "\(stem).npy", control: .fresh)
}

@Test(arguments: allImages)
func imagesLoadAsTheirReferenceDecodes(name: String) throws {
    let tensor = try decode(imageBytes(name), name)
    #expect(tensor == (try expected(name)))
}

@Test func layoutsAreGreyHxWAndChannelsFirst() throws {
    let shapes = try ["grey16.png", "grey-alpha8.png", "rgb8.png", "rgba16.png", "palette-alpha.png", "grey.jpg", "baseline.jpg"]
        .map { try decode(imageBytes($0), $0).shape }
    #expect(shapes == [[5, 7], [2, 5, 7], [3, 5, 7], [4, 5, 7], [4, 5, 7], [24, 40], [3, 24, 40]])
}

@Test func unsupportedJpegVariantsAreIOErrors() throws {
    #expect(throws: TensorError.io("cmyk.jpg: a JPEG of 4 components in a CMYK, YCCK or unknown colour space is not supported; convert it to RGB or grey")) {
        try decode(imageBytes("cmyk.jpg"), "cmyk.jpg")
    }
    // A 12-bit file: the precision byte of the start-of-frame segment (FF C0, length, precision).
    var twelveBit = try imageBytes("baseline.jpg")
    let frame = try #require(startOfFrame(twelveBit))
    twelveBit[frame + 4] = 12
    #expect(throws: TensorError.io("baseline.jpg: not a readable JPEG file (libjpeg: Unsupported JPEG data precision 12)")) {
        try decode(twelveBit, "baseline.jpg")
    }
}

@Test func progressiveFilesWithTooManyScansAreRefused() throws {
    let bytes = try imageBytes("progressive.jpg")
    #expect(throws: TensorError.io("progressive.jpg: not a readable JPEG file (libjpeg: the progressive image has more than 2 scans)")) {
        try LibJPEG.decode(bytes, fileName: "progressive.jpg", control: .fresh, maxScans: 2)
    }
    // A baseline file has one scan per component group, and the limit applies to progressive ones.
    _ = try LibJPEG.decode(imageBytes("baseline.jpg"), fileName: "baseline.jpg", control: .fresh, maxScans: 1)
}

@Test func decompressionBombsAreRefusedFromTheHeader() throws {
    // A PNG declaring 100,000 × 100,000 RGB pixels (IHDR CRC fixed, so libpng accepts the header).
    var png = try imageBytes("rgb8.png")
    png.replaceSubrange(16..<24, with: bigEndian(100_000) + bigEndian(100_000))
    png.replaceSubrange(29..<33, with: bigEndian(crc32(png[12..<29])))
    #expect(throws: TensorError.limitExceeded(
        "rgb8.png: the image is 100000×100000 pixels of 3 sample(s), more than the cap of \(ExecutionControl.defaultMaxElements) elements; raise it with set(max_elements:)")) {
        try decode(png, "rgb8.png")
    }
    // A JPEG declaring 60,000 × 60,000 pixels in its start-of-frame segment.
    var jpeg = try imageBytes("baseline.jpg")
    let frame = try #require(startOfFrame(jpeg))
    jpeg.replaceSubrange((frame + 5)..<(frame + 9), with: [0xEA, 0x60, 0xEA, 0x60])
    #expect(throws: TensorError.self) { try decode(jpeg, "baseline.jpg") }
    do { _ = try decode(jpeg, "baseline.jpg") } catch TensorError.limitExceeded {} catch { Issue.record("expected a limit error, found \(error)") }
    // The session's own cap counts: 5×7 RGB is 105 samples.
    #expect(throws: TensorError.self) { try decode(imageBytes("rgb8.png"), "rgb8.png", control: ExecutionControl(maxElements: 104)) }
    #expect(try decode(imageBytes("rgb8.png"), "rgb8.png", control: ExecutionControl(maxElements: 105)).count == 105)
}

@Test(arguments: allImages)
func everyTruncationIsAnIOError(name: String) throws {
    let bytes = try imageBytes(name)
    for length in 0..<bytes.count {
        do {
            _ = try decode(Array(bytes.prefix(length)), name)
            Issue.record("\(name) cut to \(length) of \(bytes.count) bytes decoded")
        } catch TensorError.io(let message) {
            #expect(message.hasPrefix("\(name): "))
        }
    }
}

@Test func randomlyMutatedImagesDecodeOrFailWithATypedError() throws {
    var generator = RandomGenerator(seed: 917)
    var (decoded, refused) = (0, 0)
    for name in allImages {
        let original = try imageBytes(name)
        for _ in 0..<200 {
            var bytes = original
            for _ in 0..<(Int(generator.next() % 4) + 1) where !bytes.isEmpty {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes[position] ^= 1 << (generator.next() % 8)
                case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                default: bytes.remove(at: position)
                }
            }
            if let tensor = try decodeOrRefuse(name, { try decode(bytes, name) }) {
                #expect(tensor.scalars.allSatisfy { $0 >= 0 && $0 <= 65535 && $0 == $0.rounded() })
                decoded += 1
            } else {
                refused += 1
            }
        }
    }
    // Both outcomes happen: the mutations reach the pixel data as well as the headers' checks.
    #expect(decoded > 100)
    #expect(refused > 100)
}

@Test func decodingStopsAtAnInterrupt() throws {
    let control = ExecutionControl()
    control.requestInterrupt()
    for name in ["rgb8.png", "baseline.jpg"] {
        #expect(throws: TensorError.interrupted) { try decode(imageBytes(name), name, control: control) }
    }
}

/// Saving and loading PNG in a scratch directory of each test's own.
struct PNGSaveTests {
    private let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("receptive-png")
    }

    @Test(arguments: [[5, 7], [2, 5, 7], [3, 5, 7], [4, 5, 7]], [1.0, 255, 65535])
    func roundTrips(shape: [Int], scale: Double) throws {
        let count = shape.reduce(1, *)
        let tensor = makeTensor(shape, (0..<count).map { (Double($0 * 37 % count) / Double(count - 1) * scale).rounded() })
        try TensorFile.save(tensor, to: "x.png", relativeTo: scratch.url, control: .fresh)
        #expect(try TensorFile.load("x.png", relativeTo: scratch.url, control: .fresh) == tensor)
    }

    @Test func samplesAreRoundedAndOneChannelLoadsAsGrey() throws {
        try TensorFile.save(makeTensor([1, 1, 3], [0.4, 1.5, 254.6]), to: "x.png", relativeTo: scratch.url, control: .fresh)
        #expect(try TensorFile.load("x.png", relativeTo: scratch.url, control: .fresh) == makeTensor([1, 3], [0, 2, 255]))
    }

    @Test func savingStopsAtAnInterruptAndWritesNothing() throws {
        let control = ExecutionControl()
        control.requestInterrupt()
        #expect(throws: TensorError.interrupted) {
            try TensorFile.save(arangeTensor([3, 4, 5]), to: "x.png", relativeTo: scratch.url, control: control)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func saveRefusesWhatPNGAndJPEGCannotHold() throws {
        let refusals: [(String, Tensor, String)] = [
            ("x.png", arangeTensor([5, 2, 2]), "x.png: PNG holds a H×W tensor (grey) or a C×H×W one with C = 1, 2, 3 or 4 (grey, grey+alpha, RGB, RGBA), found 5×2×2"),
            ("x.png", arangeTensor([4]), "x.png: PNG holds a H×W tensor (grey) or a C×H×W one with C = 1, 2, 3 or 4 (grey, grey+alpha, RGB, RGBA), found 4"),
            ("x.png", makeTensor([1, 2], [1, 70000]), "x.png: image samples must lie in 0…65535, found 70000; scale the tensor first (e.g. t * 255 for values in [0, 1])"),
            ("x.png", makeTensor([1, 2], [1, .nan]), "x.png: image samples must lie in 0…65535, found nan; scale the tensor first (e.g. t * 255 for values in [0, 1])"),
            ("x.ppm", arangeTensor([2, 2, 3]), "x.ppm: PPM holds a 3×H×W tensor (RGB), found 2×2×3"),
            ("x.pgm", arangeTensor([3, 2, 2]), "x.pgm: PGM holds a H×W tensor (grey), found 3×2×2"),
            ("x.jpg", arangeTensor([2, 2]), "x.jpg: saving JPEG is not supported (it is lossy, so the tensor would not load back); save a .png, .pgm or .ppm"),
        ]
        for (name, tensor, message) in refusals {
            #expect(throws: TensorError.io(message)) { try TensorFile.save(tensor, to: name, relativeTo: scratch.url, control: .fresh) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}

/// The offset of the first baseline start-of-frame marker (FF C0).
private func startOfFrame(_ bytes: [UInt8]) -> Int? {
    (0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 }
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
}

/// The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
private func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
