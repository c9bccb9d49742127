import TextPlots

/// Records whose fields are rows of one shape — `compare`'s `params`, `flops`, … each a
/// `row(a:, b:, ratio:)` — read best as a table: one line per row field, one column per
/// sub-field, numbers right-aligned with thousands separators.
extension Record {
    /// The table form, or nil when the record has no row fields or they differ in shape.
    /// Fields that are not rows become the caption, after the record's type name.
    var tableForm: (caption: String, headers: [String], rows: [[TableCell]])? {
        let rowFields = fields.compactMap { field -> (name: String, row: Record)? in
            if case .record(let row) = field.value { return (field.name, row) }
            return nil
        }
        guard let first = rowFields.first?.row else { return nil }
        let columns = first.fields.map(\.name)
        guard rowFields.allSatisfy({ $0.row.fields.map(\.name) == columns }) else { return nil }
        let scalars = fields.filter { field in !rowFields.contains { $0.name == field.name } }
        let caption = ([typeName] + scalars.map { "\($0.name) \($0.value.resultText)" }).joined(separator: "   ")
        let rows = rowFields.map { rowField in
            [TableCell.text(rowField.name)] + rowField.row.fields.map { Record.cell($0.value) }
        }
        return (caption, [""] + columns, rows)
    }

    /// The record drawn as a table in `charset` when it has a table form.
    func tableFigure(charset: Charset) -> Figure? {
        guard let form = tableForm else { return nil }
        return try? Table.render(headers: form.headers, rows: form.rows, title: form.caption, charset: charset)
    }

    /// A value as a table cell: numbers right-aligned, strings as written, others as results.
    static func cell(_ value: Value) -> TableCell {
        switch value {
        case .number(let number): return .number(number)
        case .tensor(let tensor) where tensor.rank == 0: return .number(tensor.scalars[0])
        case .string(let text): return .text(text)
        default: return .text(value.resultText)
        }
    }
}
