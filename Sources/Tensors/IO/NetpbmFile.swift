/// PGM and PPM images (P2/P5 grey, P3/P6 colour; 8- and 16-bit). Loading keeps the raw integer
/// samples (0…maxval), as `numpy.asarray(PIL.Image.open(path))` does: PGM → H×W, PPM → H×W×3.
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
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        let count = pixels.multipliedReportingOverflow(by: channels)
        guard !overflow, !count.overflow else { throw reader.failure("the size \(width)×\(height) is too large") }
        try control.checkAllocation(count.partialValue)
        let values = magic == "P2" || magic == "P3"
            ? try textSamples(&reader, count: count.partialValue, maxValue: maxValue, control: control)
            : try binarySamples(&reader, count: count.partialValue, maxValue: maxValue)
        let shape = channels == 3 ? [height, width, 3] : [height, width]
        return Tensor(validatedShape: shape, scalars: values)
    }

    /// Encodes a H×W tensor as binary PGM (P5) or a H×W×3 tensor as binary PPM (P6).
    ///
    /// Values are rounded to integers; maxval is 255, or 65535 when a value exceeds 255.
    static func encode(_ tensor: Tensor, fileName: String) throws -> [UInt8] {
        let isColour = tensor.rank == 3 && tensor.shape[2] == 3
        guard tensor.rank == 2 || isColour else {
            throw TensorError.io("\(fileName): PGM needs a H×W tensor and PPM a H×W×3 one, found \(Tensor.describe(tensor.shape))")
        }
        if let offender = tensor.scalars.first(where: { !($0 >= 0 && $0 <= 65535) }) {
            throw TensorError.io(
                "\(fileName): image samples must lie in 0…65535, found \(Tensor.describe(offender)); scale the tensor first (e.g. t * 255 for values in [0, 1])")
        }
        return encodeChecked(tensor, isColour: isColour)
    }

    private static func encodeChecked(_ tensor: Tensor, isColour: Bool) -> [UInt8] {
        let wide = tensor.scalars.contains { $0.rounded(.toNearestOrEven) > 255 }
        let maxValue = wide ? 65535 : 255
        let header = "\(isColour ? "P6" : "P5")\n\(tensor.shape[1]) \(tensor.shape[0])\n\(maxValue)\n"
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(bytes.count + tensor.count * (wide ? 2 : 1))
        for value in tensor.scalars {
            let sample = Int(value.rounded(.toNearestOrEven))
            if wide { bytes.append(UInt8(sample >> 8)) }
            bytes.append(UInt8(sample & 0xFF))
        }
        return bytes
    }

    private static func textSamples(_ reader: inout ByteReader, count: Int, maxValue: Int,
                                    control: ExecutionControl) throws -> [Double] {
        var values = [Double](repeating: 0, count: count)
        for index in 0..<count {
            if index & 0xFFFF == 0 { try control.checkInterrupt() }
            let sample = try number(&reader, "sample \(index + 1) of \(count)")
            guard sample <= maxValue else {
                throw reader.failure("sample \(index + 1) is \(sample), above the maximum value \(maxValue)")
            }
            values[index] = Double(sample)
        }
        return values
    }

    private static func binarySamples(_ reader: inout ByteReader, count: Int, maxValue: Int) throws -> [Double] {
        let width = maxValue < 256 ? 1 : 2
        let data = try reader.take(count * width, "pixel data")
        var values = [Double](repeating: 0, count: count)
        let start = data.startIndex
        for index in 0..<count {
            // 16-bit samples are big-endian in Netpbm.
            let sample = width == 1 ? Int(data[start + index]) : Int(data[start + 2 * index]) << 8 | Int(data[start + 2 * index + 1])
            guard sample <= maxValue else {
                throw reader.failure("sample \(index + 1) is \(sample), above the maximum value \(maxValue)")
            }
            values[index] = Double(sample)
        }
        return values
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
