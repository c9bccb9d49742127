/// Terminal column widths of text, so that plots line up whatever characters they use.
public enum TextWidth {
    /// The number of terminal columns `text` occupies (wide East Asian characters count two).
    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 || (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value) { return 0 }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3,
                                           0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                                           0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}
