import Foundation
import WholeNumbers

/// Locale-free number formatting for labels, legends and tables.
public enum NumberText {
    /// An integer with `,` between groups of three digits: `178,640`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (position, character) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A short label: at most `significant` significant digits, positional for moderate
    /// magnitudes and scientific (`1.5e+09`) otherwise; `nan`, `inf`, `-inf` as numpy.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let digits = DecimalDigits.scientific(abs(value), precision: max(0, significant - 1))
        let sign = value < 0 ? "-" : ""
        guard (-4..<7).contains(digits.exponent) else {
            let text = String(decoding: digits.digits, as: UTF8.self)
            let mantissa = text.count > 1 ? String(text.prefix(1)) + "." + text.dropFirst() : text
            let power = String(abs(digits.exponent))
            return sign + mantissa + "e" + (digits.exponent < 0 ? "-" : "+")
                + (power.count < 2 ? "0" : "") + power
        }
        let fraction = digits.fractionPart
        return sign + digits.integerPart + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A table cell: whole numbers grouped (`1,234,567`), others with up to six significant
    /// digits and a grouped integer part (`12,345.7`).
    public static func tableCell(_ value: Double) -> String {
        if let whole = value.wholeNumber { return grouped(whole) }
        let text = compact(value, significant: 6)
        guard !text.contains("e"), let point = text.firstIndex(of: "."),
              let whole = Int(text[..<point]), abs(whole) >= 1000 else { return text }
        return (text.hasPrefix("-") && whole == 0 ? "-" : "") + grouped(whole) + text[point...]
    }
}
