import Foundation

/// The decimal digits of a finite, non-negative Double: `d1.d2d3… × 10^exponent`.
///
/// `digits` has no leading or trailing zeros; zero has no digits. Formatting goes through
/// Swift's shortest round-trip description and C `printf` rounding (exact, ties to even),
/// both independent of the locale.
struct DecimalDigits: Equatable {
    /// Significant digits, most significant first, as ASCII bytes `0`…`9`.
    var digits: [UInt8]
    /// The power of ten of the first digit.
    var exponent: Int

    var isZero: Bool { digits.isEmpty }

    /// The shortest digits that read back to `magnitude`.
    static func shortest(_ magnitude: Double) -> DecimalDigits {
        parse(magnitude.description)
    }

    /// The shortest digits, rounded to at most `precision` digits after the decimal point.
    static func positional(_ magnitude: Double, precision: Int) -> DecimalDigits {
        let shortest = shortest(magnitude)
        if shortest.fractionDigitCount <= precision { return shortest }
        return parse(String(format: "%.*f", precision, magnitude))
    }

    /// The shortest digits, rounded to at most `precision` digits after the first one.
    static func scientific(_ magnitude: Double, precision: Int) -> DecimalDigits {
        let shortest = shortest(magnitude)
        if shortest.digits.count <= precision + 1 { return shortest }
        return parse(String(format: "%.*e", precision, magnitude))
    }

    /// Digits after the decimal point in positional notation.
    var fractionDigitCount: Int { max(0, digits.count - 1 - exponent) }

    /// The integer part in positional notation ("0" when below one).
    var integerPart: String {
        guard exponent >= 0, !isZero else { return "0" }
        var bytes = Array(digits.prefix(exponent + 1))
        bytes += [UInt8](repeating: UInt8(ascii: "0"), count: exponent + 1 - bytes.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The fraction part in positional notation, without trailing zeros.
    var fractionPart: String {
        guard !isZero, fractionDigitCount > 0 else { return "" }
        let leadingZeros = max(0, -exponent - 1)
        let shown = digits.dropFirst(max(0, exponent + 1))
        return String(repeating: "0", count: leadingZeros) + String(decoding: shown, as: UTF8.self)
    }

    /// Parses `123.45`, `1e-05`, `1.5e+20` (no sign) into digits and exponent.
    private static func parse(_ text: String) -> DecimalDigits {
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? "0"
        let power = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array((pieces.first ?? "").utf8)
        let fraction = pieces.count > 1 ? Array(pieces[1].utf8) : []
        var all = whole + fraction
        var exponent = whole.count - 1 + power
        let zero = UInt8(ascii: "0")
        while let first = all.first, first == zero {
            all.removeFirst()
            exponent -= 1
        }
        while let last = all.last, last == zero { all.removeLast() }
        return DecimalDigits(digits: all, exponent: all.isEmpty ? 0 : exponent)
    }
}
