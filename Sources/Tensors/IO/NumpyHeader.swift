import Foundation

/// The fields of a `.npy` header dict, e.g.
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
struct NumpyHeader {
    /// The element type.
    var element: NumpyElement
    /// Whether the data is in column-major order.
    var fortranOrder: Bool
    /// The array's shape.
    var shape: [Int]

    /// Parses the header text; anything missing or unexpected is an io error.
    init(_ text: String, fileName: String) throws {
        func failure(_ message: String) -> TensorError { .io("\(fileName): \(message) in the header \(text.prefix(120))") }
        guard let descr = NumpyHeader.value(of: "descr", in: text),
              let order = NumpyHeader.value(of: "fortran_order", in: text),
              let shapeText = NumpyHeader.value(of: "shape", in: text) else {
            throw failure("missing 'descr', 'fortran_order' or 'shape'")
        }
        let code = descr.trimmingCharacters(in: ["'", "\""])
        guard let element = NumpyElement(code: code) else {
            throw failure("unsupported element type \(descr); float64/float32, int/uint 8–64 and bool little-endian are read")
        }
        guard order == "True" || order == "False" else { throw failure("fortran_order is \(order), not True or False") }
        guard shapeText.first == "(", shapeText.last == ")" else { throw failure("the shape \(shapeText) is not a tuple") }
        let parts = shapeText.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var shape: [Int] = []
        for part in parts where !part.isEmpty {
            guard let extent = Int(part), extent >= 0 else { throw failure("the shape \(shapeText) has a bad extent \(part)") }
            shape.append(extent)
        }
        self.element = element
        self.fortranOrder = order == "True"
        self.shape = shape
    }

    /// The raw text of `key`'s value: a quoted string, a word, or a parenthesised tuple.
    private static func value(of key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "'\(key)'") ?? text.range(of: "\"\(key)\"") else { return nil }
        var rest = text[keyRange.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            return String(rest[...close])
        }
        let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
        return rest[..<end].trimmingCharacters(in: .whitespaces)
    }
}
