/// One shared format for all the elements of a tensor, chosen the way numpy's
/// `FloatingFormat` chooses it (floatmode "maxprec", sign "-", suppress off): positional
/// with the fraction padded to the longest one, or scientific when the magnitudes call for it.
struct ScalarFormat {
    private var scientific = false
    private var padLeft = 0
    private var padRight = 0
    private var precision: Int
    private var exponentDigits = 2

    /// Chooses the format for the elements that will be shown.
    init(values: [Double], precision: Int) {
        self.precision = max(0, precision)
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.filter { $0 != 0 }.map(abs)
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            scientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1000
        }
        if !finite.isEmpty {
            scientific ? measureScientific(finite) : measurePositional(finite)
        }
        if finite.count != values.count {
            let negativeInfinity = values.contains { $0 == -.infinity } ? 1 : 0
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + negativeInfinity - offset)
        }
    }

    /// The width every element is padded to.
    var width: Int { padLeft + 1 + padRight }

    /// The column of the units digit (the last before the point) within an element.
    var unitsColumn: Int { max(0, padLeft - 1) }

    /// The element as text, padded to the shared width.
    func callAsFunction(_ value: Double) -> String {
        guard value.isFinite else {
            let word = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return padded(word, toWidth: padLeft + padRight + 1)
        }
        return scientific ? formatScientific(value) : formatPositional(value)
    }

    private mutating func measurePositional(_ finite: [Double]) {
        for value in finite {
            let digits = DecimalDigits.positional(abs(value), precision: precision)
            let sign = value.sign == .minus ? 1 : 0
            padLeft = max(padLeft, sign + digits.integerPart.count)
            padRight = max(padRight, digits.fractionPart.count)
        }
    }

    private mutating func measureScientific(_ finite: [Double]) {
        var longestFraction = 0
        for value in finite {
            let digits = DecimalDigits.scientific(abs(value), precision: precision)
            let sign = value.sign == .minus ? 1 : 0
            padLeft = max(padLeft, sign + 1)
            longestFraction = max(longestFraction, max(0, digits.digits.count - 1))
            exponentDigits = max(exponentDigits, String(abs(digits.exponent)).count)
        }
        precision = longestFraction
        padRight = exponentDigits + 2 + precision
    }

    private func formatPositional(_ value: Double) -> String {
        let digits = DecimalDigits.positional(abs(value), precision: precision)
        let sign = value.sign == .minus ? "-" : ""
        let fraction = digits.fractionPart
        return padded(sign + digits.integerPart, toWidth: padLeft) + "." + fraction
            + String(repeating: " ", count: max(0, padRight - fraction.count))
    }

    private func formatScientific(_ value: Double) -> String {
        let digits = DecimalDigits.scientific(abs(value), precision: precision)
        let sign = value.sign == .minus ? "-" : ""
        let bytes = digits.isZero ? [UInt8(ascii: "0")] : digits.digits
        let first = String(decoding: bytes.prefix(1), as: UTF8.self)
        var fraction = String(decoding: bytes.dropFirst(), as: UTF8.self)
        fraction += String(repeating: "0", count: max(0, precision - fraction.count))
        let power = String(abs(digits.exponent))
        let exponent = (digits.exponent < 0 ? "-" : "+")
            + String(repeating: "0", count: max(0, exponentDigits - power.count)) + power
        return padded(sign + first, toWidth: padLeft) + "." + fraction + "e" + exponent
    }

    private func padded(_ text: String, toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
