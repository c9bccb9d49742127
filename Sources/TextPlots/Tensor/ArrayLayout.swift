import Tensors

/// numpy's `_formatArray`: nested brackets, a hanging indent, line wrapping at the line
/// width, blank lines between blocks of rank ≥ 3 and `...` in place of summarised items.
struct ArrayLayout {
    private let shape: [Int]
    private let strides: [Int]
    private let scalars: [Double]
    private let lineWidth: Int
    private let edgeItems: Int
    private let summarise: Bool
    private let format: ScalarFormat

    init(tensor: Tensor, options: RenderOptions) {
        shape = tensor.shape
        strides = tensor.strides
        scalars = tensor.scalars
        lineWidth = options.width
        // numpy misbehaves with zero edge items (it shows the last item anyway); one is the floor.
        edgeItems = max(1, options.edgeItems)
        summarise = tensor.count > options.threshold
        var shown: [Double] = []
        ArrayLayout.collect(axis: 0, offset: 0, shape: shape, strides: strides, scalars: scalars,
                            keep: summarise ? edgeItems : nil, into: &shown)
        format = ScalarFormat(values: shown, precision: options.precision)
    }

    /// The whole array, starting after numpy's one-space prefix.
    func text() -> String {
        render(axis: 0, offset: 0, hangingIndent: " ", width: lineWidth)
    }

    /// The indices shown along an axis of `length`, nil standing for the `...` row.
    private func shownIndices(_ length: Int) -> [Int?] {
        guard summarise, 2 * edgeItems < length else { return Array(0..<length) }
        return Array(0..<edgeItems) + [nil] + Array((length - edgeItems)..<length)
    }

    private func render(axis: Int, offset: Int, hangingIndent: String, width: Int) -> String {
        guard axis < shape.count else { return format(scalars[offset]) }
        let items = shownIndices(shape[axis])
        let body = axis == shape.count - 1
            ? renderRow(items: items, offset: offset, hangingIndent: hangingIndent, width: width)
            : renderBlocks(items: items, axis: axis, offset: offset,
                           hangingIndent: hangingIndent, width: width)
        return "[" + body.dropFirst(hangingIndent.count) + "]"
    }

    private func renderRow(items: [Int?], offset: Int, hangingIndent: String, width: Int) -> String {
        let elementWidth = width - 1
        var text = ""
        var line = hangingIndent
        for (position, item) in items.enumerated() {
            let word = item.map { format(scalars[offset + $0 * strides[shape.count - 1]]) } ?? "..."
            if line.count + word.count > elementWidth && line.count > hangingIndent.count {
                text += trimmedTrailingSpaces(line) + "\n"
                line = hangingIndent
            }
            line += word
            if position < items.count - 1 { line += " " }
        }
        return text + line
    }

    private func renderBlocks(items: [Int?], axis: Int, offset: Int,
                              hangingIndent: String, width: Int) -> String {
        let separator = String(repeating: "\n", count: shape.count - axis - 1)
        let parts = items.map { item -> String in
            guard let index = item else { return hangingIndent + "..." }
            return hangingIndent + render(axis: axis + 1, offset: offset + index * strides[axis],
                                          hangingIndent: hangingIndent + " ", width: width - 1)
        }
        return parts.joined(separator: separator)
    }

    private func trimmedTrailingSpaces(_ line: String) -> String {
        var result = Substring(line)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }

    /// Appends the elements numpy looks at to choose the format: all of them, or only the
    /// `keep` leading and trailing items of every axis when the array is summarised.
    private static func collect(axis: Int, offset: Int, shape: [Int], strides: [Int],
                                scalars: [Double], keep: Int?, into shown: inout [Double]) {
        guard axis < shape.count else {
            shown.append(scalars[offset])
            return
        }
        let length = shape[axis]
        var indices = Array(0..<length)
        if let keep, 2 * keep < length {
            indices = Array(0..<keep) + Array((length - keep)..<length)
        }
        for index in indices {
            collect(axis: axis + 1, offset: offset + index * strides[axis], shape: shape,
                    strides: strides, scalars: scalars, keep: keep, into: &shown)
        }
    }
}
