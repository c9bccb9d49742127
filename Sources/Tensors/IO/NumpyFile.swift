import Foundation

/// The `.npy` format (version 1.0 written; 1.0, 2.0 and 3.0 read): a magic string, a Python
/// dict header with `descr`, `fortran_order` and `shape`, then the raw little-endian data.
enum NumpyFile {
    private static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Decodes a `.npy` file holding float64/float32, (u)int8–64 or bool elements.
    static func decode(_ bytes: [UInt8], fileName: String, control: ExecutionControl) throws -> Tensor {
        var reader = ByteReader(bytes, fileName: fileName)
        guard Array(try reader.take(6, "the magic string")) == magic else {
            throw reader.failure("not a .npy file: it does not start with \\x93NUMPY")
        }
        let major = try reader.littleEndian(1, "the version")
        _ = try reader.littleEndian(1, "the version")
        guard (1...3).contains(major) else {
            throw reader.failure("unsupported .npy version \(major); versions 1 to 3 are read")
        }
        let headerLength = try reader.littleEndian(major == 1 ? 2 : 4, "the header length")
        guard let header = String(bytes: try reader.take(headerLength, "the header"), encoding: .utf8) else {
            throw reader.failure("the header is not text")
        }
        let fields = try NumpyHeader(header, fileName: fileName)
        let count = try Tensor.elementCount(of: fields.shape)
        try control.checkAllocation(count)
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: fields.element.width)
        guard !overflow, byteCount == reader.remaining else {
            throw reader.failure(
                "the header promises \(Tensor.describe(fields.shape)) elements of \(fields.element.width) bytes (\(byteCount) bytes) but \(reader.remaining) bytes follow")
        }
        let data = try reader.take(byteCount, "the data")
        let values = try fields.element.decode(data, count: count, control: control)
        guard fields.fortranOrder, fields.shape.count > 1 else {
            return Tensor(validatedShape: fields.shape, scalars: values)
        }
        // Fortran order is the transpose of C order with the axes reversed.
        return try Tensor(validatedShape: fields.shape.reversed(), scalars: values).transposed(control: control)
    }

    /// Encodes `tensor` as a version 1.0 `.npy` file (2.0 for huge headers) of little-endian float64 in C order.
    static func encode(_ tensor: Tensor) -> [UInt8] {
        let shapeText: String
        switch tensor.rank {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(tensor.shape[0]),)"
        default: shapeText = "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
        }
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        // Version 1.0 has a 2-byte header length; numpy falls back to 2.0 (4 bytes) beyond it,
        // which only a tensor with thousands of axes needs.
        let lengthWidth = header.utf8.count + 64 < 1 << 16 ? 2 : 4
        // numpy pads the header with spaces so the data starts on a 64-byte boundary.
        let unpadded = magic.count + 2 + lengthWidth + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [lengthWidth == 2 ? 1 : 2, 0]
        let length = header.utf8.count
        bytes += (0..<lengthWidth).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + tensor.count * 8)
        for value in tensor.scalars {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
