/// MurmurHash2 (32-bit, Austin Appleby's, seeded with `seed ^ length`), the hash the Jupyter
/// debugger protocol names cells with: JupyterLab computes a cell's file as `tmpFilePrefix`
/// + `hash(code, hashSeed)` in decimal + `tmpFileSuffix` (packages/debugger `getCodeId`) and
/// sets breakpoints on that path, so the kernel must name the cells it runs identically.
///
/// JupyterLab 4 hashes the UTF-8 bytes of the code (`TextEncoder`), as ipykernel's
/// `murmur2_x86` does; older versions hashed UTF-16 code units cut to their low byte, which
/// differs for any non-ASCII character. `Tests/JupyterProtocolTests/Fixtures` holds vectors
/// computed by the function in JupyterLab's own bundle.
public enum Murmur2 {
    /// The mixing constant of MurmurHash2.
    private static let multiplier: UInt32 = 0x5BD1_E995

    /// The hash of `text`'s UTF-8 bytes.
    public static func hash(_ text: String, seed: UInt32) -> UInt32 {
        hash(bytes: Array(text.utf8), seed: seed)
    }

    /// The hash of `bytes`: four little-endian bytes at a time, then the tail, then the final
    /// avalanche. All arithmetic wraps modulo 2^32, as the JavaScript's `>>> 0` does.
    public static func hash(bytes: [UInt8], seed: UInt32) -> UInt32 {
        var hash = seed ^ UInt32(truncatingIfNeeded: bytes.count)
        var index = 0
        while bytes.count - index >= 4 {
            var word = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
            word &*= multiplier
            word ^= word >> 24
            word &*= multiplier
            hash = (hash &* multiplier) ^ word
            index += 4
        }
        let tail = bytes.count - index
        if tail == 3 { hash ^= UInt32(bytes[index + 2]) << 16 }
        if tail >= 2 { hash ^= UInt32(bytes[index + 1]) << 8 }
        if tail >= 1 {
            hash ^= UInt32(bytes[index])
            hash &*= multiplier
        }
        hash ^= hash >> 13
        hash &*= multiplier
        hash ^= hash >> 15
        return hash
    }
}
