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
    ///
    /// float64 is one copy; the other types one unaligned load of their own width per element,
    /// the type chosen once outside the loop (not a UInt64 assembled byte by byte, a bounds
    /// check per byte, and a switch on the type per element, as this was).
    func decode(_ data: ArraySlice<UInt8>, count: Int, control: ExecutionControl) throws -> [Double] {
        try data.withUnsafeBytes { bytes in
            try [Double](tensorStorageCapacity: count) { buffer, initialized in
                // Double is trivial: marking every element initialised up front is safe even
                // when an interrupt leaves some unwritten (the array is then discarded).
                initialized = count
                // The caller checked that `data` holds count × width bytes.
                guard count > 0, let out = buffer.baseAddress, let input = bytes.baseAddress else { return }
                if self == .float64, UInt16(1).littleEndian == 1 {
                    // Little-endian float64 on a little-endian machine: the bytes are the values.
                    try control.checkInterrupt()
                    UnsafeMutableRawPointer(out).copyMemory(from: input, byteCount: count * 8)
                    return
                }
                /// Each element loaded as a `T` and converted, in chunks between interrupt checks.
                func convert<T: FixedWidthInteger>(_: T.Type, _ value: (T) -> Double) throws {
                    let chunk = 1 << 16
                    for first in stride(from: 0, to: count, by: chunk) {
                        try control.checkInterrupt()
                        for index in first..<Swift.min(first + chunk, count) {
                            out[index] = value(T(littleEndian: bytes.loadUnaligned(
                                fromByteOffset: index * MemoryLayout<T>.size, as: T.self)))
                        }
                    }
                }
                switch self {
                case .float64: try convert(UInt64.self) { Double(bitPattern: $0) }
                case .float32: try convert(UInt32.self) { Double(Float(bitPattern: $0)) }
                case .bool: try convert(UInt8.self) { $0 == 0 ? 0 : 1 }
                case .unsigned(width: 1): try convert(UInt8.self) { Double($0) }
                case .unsigned(width: 2): try convert(UInt16.self) { Double($0) }
                case .unsigned(width: 4): try convert(UInt32.self) { Double($0) }
                case .unsigned: try convert(UInt64.self) { Double($0) }
                case .signed(width: 1): try convert(Int8.self) { Double($0) }
                case .signed(width: 2): try convert(Int16.self) { Double($0) }
                case .signed(width: 4): try convert(Int32.self) { Double($0) }
                case .signed: try convert(Int64.self) { Double($0) }
                }
            }
        }
    }
}
