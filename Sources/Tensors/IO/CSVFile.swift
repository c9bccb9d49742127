import WholeNumbers

/// Comma-separated numbers: one line gives a rank-1 tensor, several lines a rank-2 one.
/// Blank lines and lines starting with `#` are skipped; `nan` and `inf` are accepted.
enum CSVFile {
    /// Decodes CSV text; a ragged row or a non-number is an io error naming the line.
    static func decode(_ bytes: [UInt8], fileName: String, control: ExecutionControl) throws -> Tensor {
        let text = String(decoding: bytes, as: UTF8.self)
        var rows: [[Double]] = []
        var total = 0
        for (lineIndex, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let row = try trimmed.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { column, field in
                let cell = field.trimmingSpaces
                guard let value = Double(cell) else {
                    throw TensorError.io("\(fileName): line \(lineIndex + 1), column \(column + 1): expected a number, found \"\(cell.prefix(40))\"")
                }
                return value
            }
            if let first = rows.first, first.count != row.count {
                throw TensorError.io("\(fileName): line \(lineIndex + 1) has \(row.count) values, but the first row has \(first.count)")
            }
            total += row.count
            try control.checkAllocation(total)
            rows.append(row)
        }
        guard let first = rows.first else { return Tensor(validatedShape: [0], scalars: []) }
        if rows.count == 1 { return Tensor(validatedShape: [first.count], scalars: first) }
        return Tensor(validatedShape: [rows.count, first.count], scalars: rows.flatMap { $0 })
    }

    /// Encodes a rank-0, 1 or 2 tensor, one row per line, numbers in their shortest exact form.
    static func encode(_ tensor: Tensor, fileName: String) throws -> [UInt8] {
        guard tensor.rank <= 2 else {
            throw TensorError.io("\(fileName): CSV holds tensors of rank 1 or 2, found \(Tensor.describe(tensor.shape)); reshape it first")
        }
        let columns = tensor.rank == 2 ? tensor.shape[1] : tensor.count
        let rows = tensor.rank == 2 ? tensor.shape[0] : 1
        var text = ""
        for row in 0..<rows {
            let values = tensor.scalars[(row * columns)..<((row + 1) * columns)]
            text += values.map(format).joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    /// Whole numbers without a decimal point, others in Swift's shortest round-trip form.
    private static func format(_ value: Double) -> String {
        value.wholeNumber.map(String.init) ?? "\(value)"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return Substring("")
        }
        return Substring(self[start...end])
    }
}
