/// The element types a `.npy` file may hold that `load` reads (all little-endian).
enum NumpyElement: Equatable {
    case float64, float32, bool
    case signed(width: Int)
    case unsigned(width: Int)

    /// Parses a numpy type code such as `<f8`, `|u1`, `<i4` or `|b1`; nil when unsupported.
    init?(code: String) {
        guard code.count == 3, let order = code.first, order == "<" || order == "|" || order == "=",
              let width = Int(code.suffix(1)) else { return nil }
        switch (code.dropFirst().first, width) {
        case ("f", 8): self = .float64
        case ("f", 4): self = .float32
        case ("b", 1): self = .bool
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): self = .signed(width: width)
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): self = .unsigned(width: width)
        default: return nil
        }
        // Multi-byte types must say little-endian; "|" (not applicable) only fits one byte.
        if order == "|" && width > 1 { return nil }
    }

    /// Bytes per element.
    var width: Int {
        switch self {
        case .float64: return 8
        case .float32: return 4
        case .bool: return 1
        case .signed(let width), .unsigned(let width): return width
        }
    }

    /// Converts `count` packed little-endian elements to Doubles, checking `control` for an interrupt.
    func decode(_ data: ArraySlice<UInt8>, count: Int, control: ExecutionControl) throws -> [Double] {
        if self == .float64, UInt16(1).littleEndian == 1 {
            // Little-endian float64 on a little-endian machine: the bytes are the values.
            try control.checkInterrupt()
            return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                data.withUnsafeBytes { bytes in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<(count * 8)]))
                }
                initialized = count
            }
        }
        var values = [Double](repeating: 0, count: count)
        let start = data.startIndex
        for index in 0..<count {
            if index & 0xFFFF == 0 { try control.checkInterrupt() }
            var bits: UInt64 = 0
            for byte in 0..<width { bits |= UInt64(data[start + index * width + byte]) << (8 * byte) }
            values[index] = convert(bits)
        }
        return values
    }

    private func convert(_ bits: UInt64) -> Double {
        switch self {
        case .float64: return Double(bitPattern: bits)
        case .float32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
        case .bool: return bits == 0 ? 0 : 1
        case .unsigned: return Double(bits)
        case .signed(let width):
            // Sign-extend from `width` bytes.
            let shift = UInt64(64 - 8 * width)
            return Double(Int64(bitPattern: bits << shift) >> Int64(shift))
        }
    }
}
