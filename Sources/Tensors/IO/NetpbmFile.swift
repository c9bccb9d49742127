/// PGM and PPM images (P2/P5 grey, P3/P6 colour; 8- and 16-bit). Loading keeps the raw integer
/// samples (0…maxval), as `numpy.asarray(PIL.Image.open(path))` does; the layout is
/// `RasterImage`'s: PGM → H×W, PPM → 3×H×W (channels first).
enum NetpbmFile {
    /// Decodes a PGM or PPM file.
    static func decode(_ bytes: [UInt8], fileName: String, control: ExecutionControl) throws -> Tensor {
        var reader = ByteReader(bytes, fileName: fileName)
        let magic = try token(&reader, "the magic number")
        guard ["P2", "P3", "P5", "P6"].contains(magic) else {
            throw reader.failure("not a PGM/PPM file: the magic number is \(magic.prefix(8)), expected P2, P3, P5 or P6")
        }
        let width = try number(&reader, "the width")
        let height = try number(&reader, "the height")
        let maxValue = try number(&reader, "the maximum value")
        guard width > 0, height > 0, (1...65535).contains(maxValue) else {
            throw reader.failure("bad header: size \(width)×\(height) and maximum value \(maxValue) (expected positive sizes and 1…65535)")
        }
        let channels = magic == "P3" || magic == "P6" ? 3 : 1
        try RasterImage.checkSize(width: width, height: height, channels: channels, fileName: fileName, control: control)
        let count = width * height * channels
        let sampleBytes = maxValue < 256 ? 1 : 2
        let samples = magic == "P2" || magic == "P3"
            ? try textSamples(&reader, count: count, maxValue: maxValue, control: control)
            : try binarySamples(&reader, count: count, maxValue: maxValue)
        let image = RasterImage(width: width, height: height, channels: channels, sampleBytes: sampleBytes, bytes: samples)
        return try image.tensor(control: control)
    }

    /// Encodes a H×W tensor as binary PGM (P5) or a 3×H×W tensor as binary PPM (P6).
    ///
    /// Values are rounded to integers; maxval is 255, or 65535 when a value exceeds 255.
    static func encode(_ tensor: Tensor, colour: Bool, fileName: String, control: ExecutionControl) throws -> [UInt8] {
        let image = colour
            ? try RasterImage(tensor, allowedChannels: [3], expected: "PPM holds a 3×H×W tensor (RGB)", fileName: fileName,
                               control: control)
            : try RasterImage(tensor, allowedChannels: [1], expected: "PGM holds a H×W tensor (grey)", fileName: fileName,
                               control: control)
        let header = "\(colour ? "P6" : "P5")\n\(image.width) \(image.height)\n\(image.sampleBytes == 2 ? 65535 : 255)\n"
        return Array(header.utf8) + image.bytes
    }

    /// `count` text samples as `RasterImage` bytes (two per sample, big-endian, when maxval > 255).
    private static func textSamples(_ reader: inout ByteReader, count: Int, maxValue: Int,
                                    control: ExecutionControl) throws -> [UInt8] {
        let wide = maxValue > 255
        var samples = [UInt8](repeating: 0, count: wide ? 2 * count : count)
        for index in 0..<count {
            if index & 0xFFFF == 0 { try control.checkInterrupt() }
            let sample = try number(&reader, "sample \(index + 1) of \(count)")
            guard sample <= maxValue else {
                throw reader.failure("sample \(index + 1) is \(sample), above the maximum value \(maxValue)")
            }
            if wide {
                samples[2 * index] = UInt8(sample >> 8)
                samples[2 * index + 1] = UInt8(sample & 0xFF)
            } else {
                samples[index] = UInt8(sample)
            }
        }
        return samples
    }

    /// `count` binary samples, which are already `RasterImage` bytes (16-bit samples are
    /// big-endian in Netpbm), checked against maxval.
    private static func binarySamples(_ reader: inout ByteReader, count: Int, maxValue: Int) throws -> [UInt8] {
        let width = maxValue < 256 ? 1 : 2
        let data = Array(try reader.take(count * width, "pixel data"))
        for index in 0..<count {
            let sample = width == 1 ? Int(data[index]) : Int(data[2 * index]) << 8 | Int(data[2 * index + 1])
            guard sample <= maxValue else {
                throw reader.failure("sample \(index + 1) is \(sample), above the maximum value \(maxValue)")
            }
        }
        return data
    }

    /// The next whitespace-separated token, skipping `#` comments; after the header's last
    /// token exactly one whitespace byte is consumed, as the format requires before binary data.
    private static func token(_ reader: inout ByteReader, _ what: String) throws -> String {
        while let byte = reader.peek() {
            if byte == UInt8(ascii: "#") {
                while let next = reader.peek(), next != UInt8(ascii: "\n") { reader.skipByte() }
            } else if isSpace(byte) {
                reader.skipByte()
            } else {
                break
            }
        }
        var text: [UInt8] = []
        while let byte = reader.peek(), !isSpace(byte), byte != UInt8(ascii: "#"), text.count < 32 {
            text.append(byte)
            reader.skipByte()
        }
        guard !text.isEmpty else { throw reader.failure("the file is truncated: expected \(what)") }
        if let byte = reader.peek(), isSpace(byte) { reader.skipByte() }
        return String(decoding: text, as: UTF8.self)
    }

    private static func number(_ reader: inout ByteReader, _ what: String) throws -> Int {
        let text = try token(&reader, what)
        guard let value = Int(text), value >= 0 else {
            throw reader.failure("expected \(what) as a whole number, found \"\(text)\"")
        }
        return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
