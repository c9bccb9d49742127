import Tensors

/// One step of a convolution drawn as figure 9.1 of *Deep Learning* draws it: the input with
/// the window of one output position marked, the kernel beside it, the products written out
/// with their sum, and the output filled in up to that position (cross-correlation, as the
/// book's figure and torch compute it; the geometry is the tensor core's `WindowAxis`).
///
/// With stride, padding or dilation it is also the "convolution arithmetic" picture of which
/// input units one output sees: padding units are drawn as `·` (they hold zeros; `.` in ASCII),
/// and every unit the window reads is bracketed, so a dilated window shows its gaps.
public enum WindowStep {
    /// The figure for output `index` (row-major over the output) of `kernel` sliding over
    /// `input` on `axes` (one per axis of both, 1 or 2; `index` must be within the output).
    public static func render(input: Tensor, kernel: Tensor, axes: [WindowAxis], at index: Int, width: Int,
                              charset: Charset = .unicode) -> Figure {
        let dot = charset == .ascii ? "." : "·"
        let outputShape = axes.map(\.output)
        let outputs = outputShape.reduce(1, *)
        let position = unflatten(index, outputShape)
        let reads = Set(taps(axes).map { tap in zip(axes, zip(position, tap)).map { $0.position(output: $1.0, tap: $1.1) } })
        let inputCells = grid(axes.map { -$0.padding.before..<($0.input + $0.padding.after) }) { coordinates in
            let inside = zip(coordinates, axes).allSatisfy { (0..<$1.input).contains($0) }
            return (inside ? NumberText.compact(input.scalars[offset(coordinates, axes.map(\.input))]) : dot,
                    reads.contains(coordinates))
        }
        let kernelCells = grid(axes.map { 0..<$0.kernel }) { tap in
            (NumberText.compact(kernel.scalars[offset(tap, axes.map(\.kernel))]), false)
        }
        let title = "window at output \(describe(position)) of \(Tensor.describe(outputShape))"
            + " (step \(index + 1) of \(outputs))"
        var lines = [charset.spell(title)]
        lines += sideBySide([charset.spell("input \(Tensor.describe(axes.map(\.input)))")] + inputCells,
                            [charset.spell("kernel \(Tensor.describe(axes.map(\.kernel)))")] + kernelCells)
        if axes.contains(where: { $0.padding != .none }) { lines.append(dot + " padding (zeros)") }
        let (terms, sum) = products(input: input, kernel: kernel, axes: axes, at: position, times: charset.spell("·"))
        lines += wrapped(terms.joined(separator: " + ") + " = " + NumberText.compact(sum), width: width)
        let filled = grid(outputShape.map { 0..<$0 }) { coordinates in
            let flat = offset(coordinates, outputShape)
            guard flat <= index else { return (dot, false) }
            return (NumberText.compact(value(input: input, kernel: kernel, axes: axes, at: coordinates)), flat == index)
        }
        lines.append(charset.spell("output \(Tensor.describe(outputShape)) so far"))
        lines += filled
        return Figure(text: lines.map(TextWidth.trimmingTrailingSpaces).joined(separator: "\n"))
    }

    /// The output's value at `position`: Σ input · kernel over the taps that read the input
    /// (padding reads zeros, so it adds nothing).
    static func value(input: Tensor, kernel: Tensor, axes: [WindowAxis], at position: [Int]) -> Double {
        products(input: input, kernel: kernel, axes: axes, at: position).sum
    }

    /// "2·1", "0·(−1)", ... for every tap, and their sum.
    private static func products(input: Tensor, kernel: Tensor, axes: [WindowAxis], at position: [Int],
                                 times: String = "·") -> (terms: [String], sum: Double)
    {
        var terms: [String] = []
        var sum = 0.0
        for tap in taps(axes) {
            let weight = kernel.scalars[offset(tap, axes.map(\.kernel))]
            let sources = zip(axes, zip(position, tap)).map { $0.source(output: $1.0, tap: $1.1) }
            let x = sources.contains(nil) ? 0 : input.scalars[offset(sources.compactMap { $0 }, axes.map(\.input))]
            sum += x * weight
            terms.append(factor(x) + times + factor(weight))
        }
        return (terms, sum)
    }

    private static func factor(_ value: Double) -> String {
        let text = NumberText.compact(value)
        return value < 0 ? "(" + text + ")" : text
    }

    /// Every tap of the kernel, row-major.
    private static func taps(_ axes: [WindowAxis]) -> [[Int]] {
        axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in (0..<axis.kernel).map { prefix + [$0] } } }
    }

    /// Rows of right-aligned cells; a marked cell is bracketed (`[ 7]`), the others padded (` 7 `).
    private static func grid(_ ranges: [Range<Int>], cell: ([Int]) -> (String, Bool)) -> [String] {
        let rows: [Int?] = ranges.count == 2 ? ranges[0].map { $0 } : [nil]
        let cells = rows.map { row in
            ranges[ranges.count - 1].map { column in cell(row.map { [$0, column] } ?? [column]) }
        }
        let width = cells.joined().map { TextWidth.columns($0.0) }.max() ?? 1
        return cells.map { row in
            row.map { text, marked in
                let padded = TextWidth.leftPadded(text, to: width)
                return marked ? "[" + padded + "]" : " " + padded + " "
            }.joined()
        }
    }

    /// Two blocks of lines side by side, three spaces apart.
    private static func sideBySide(_ left: [String], _ right: [String]) -> [String] {
        let leftWidth = left.map(TextWidth.columns).max() ?? 0
        return (0..<max(left.count, right.count)).map { row in
            let l = row < left.count ? left[row] : ""
            let r = row < right.count ? right[row] : ""
            return r.isEmpty ? l : TextWidth.padded(l, to: leftWidth) + "   " + r
        }
    }

    /// `text` broken at " + " so that no line is wider than `width` (a term longer than that
    /// stays whole).
    private static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for (index, piece) in text.components(separatedBy: " + ").enumerated() {
            let addition = index == 0 ? piece : " + " + piece
            if !line.isEmpty, TextWidth.columns(line + addition) > width {
                lines.append(line + " +")
                line = "  " + piece
            } else {
                line += addition
            }
        }
        return lines + [line]
    }

    private static func unflatten(_ index: Int, _ shape: [Int]) -> [Int] {
        var rest = index
        return shape.reversed().map { extent in
            defer { rest /= extent }
            return rest % extent
        }.reversed()
    }

    private static func offset(_ coordinates: [Int], _ shape: [Int]) -> Int {
        zip(coordinates, shape).reduce(0) { $0 * $1.1 + $1.0 }
    }

    private static func describe(_ position: [Int]) -> String {
        position.count == 1 ? String(position[0]) : "[" + position.map(String.init).joined(separator: ", ") + "]"
    }
}
