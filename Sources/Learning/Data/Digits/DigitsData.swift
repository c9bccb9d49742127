import Tensors

/// scikit-learn's 8×8 optical digits, shipped in the source (see make_digits.py and
/// LICENSE.txt beside this file).
enum DigitsData {
    /// The 1,797 digits as a data set: pixels scaled from 0–16 to [0, 1], classes "0" … "9".
    static func dataset() throws -> Dataset {
        let lines = pixels.split(separator: "\n")
        var values: [Double] = []
        values.reserveCapacity(lines.count * 64)
        for line in lines {
            for character in line {
                guard let value = level(character) else {
                    throw TensorError.io("the shipped digits hold a character that is not 0–g: \(character)")
                }
                values.append(Double(value) / 16)
            }
        }
        let digits = labels.compactMap { $0.wholeNumberValue }.map(Double.init)
        guard values.count == lines.count * 64, digits.count == lines.count else {
            throw TensorError.io("the shipped digits do not hold 64 pixels and a label per image")
        }
        return try Dataset(images: Tensor(shape: [lines.count, 1, 8, 8], scalars: values),
                           labels: Tensor(shape: [digits.count], scalars: digits),
                           classes: (0...9).map(String.init))
    }

    /// The pixel value a character stands for: "0"–"9" are 0–9, "a"–"g" are 10–16.
    private static func level(_ character: Character) -> Int? {
        guard let code = character.asciiValue else { return nil }
        switch code {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(code - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "g"): return Int(code - UInt8(ascii: "a")) + 10
        default: return nil
        }
    }
}
