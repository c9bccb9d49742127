/// The built-in synthetic test images of `image(name, size:)`: deterministic, values in [0, 1].
public enum TestImage: String, Sendable, CaseIterable {
    /// An 8×8 board of alternating 0/1 squares, top-left square 0.
    case checkerboard
    /// A 1-valued square covering the middle half of each axis on 0.
    case square
    /// A 1-valued disk of radius min(h, w)/3 centred on 0.
    case disk
    /// Vertical stripes, 16 per image (alternating 1 and 0 from the left).
    case stripes
    /// A left-to-right ramp from 0 to 1.
    case gradient
    /// The letter "R" (a 5×7 glyph scaled up) in 1 on 0, with a margin.
    case letter

    /// Renders the image at `height`×`width` pixels.
    public func render(height: Int, width: Int, control: ExecutionControl) throws -> Tensor {
        guard height > 0, width > 0 else {
            throw TensorError.invalidArgument("an image needs a positive size, found \(height)×\(width)")
        }
        try control.checkAllocation(Tensor.elementCount(of: [height, width]))
        var pixels = [Double](repeating: 0, count: height * width)
        for row in 0..<height {
            try control.checkInterrupt()
            for column in 0..<width {
                pixels[row * width + column] = value(row: row, column: column, height: height, width: width)
            }
        }
        return Tensor(validatedShape: [height, width], scalars: pixels)
    }

    private func value(row: Int, column: Int, height: Int, width: Int) -> Double {
        switch self {
        case .checkerboard:
            return (row * 8 / height + column * 8 / width) % 2 == 0 ? 0 : 1
        case .square:
            let inside = row >= height / 4 && row < height - height / 4
                && column >= width / 4 && column < width - width / 4
            return inside ? 1 : 0
        case .disk:
            let dy = Double(row) - Double(height - 1) / 2
            let dx = Double(column) - Double(width - 1) / 2
            let radius = Double(Swift.min(height, width)) / 3
            return dx * dx + dy * dy <= radius * radius ? 1 : 0
        case .stripes:
            return (column * 16 / width) % 2 == 0 ? 1 : 0
        case .gradient:
            return width == 1 ? 0 : Double(column) / Double(width - 1)
        case .letter:
            return TestImage.letterValue(row: row, column: column, height: height, width: width)
        }
    }

    private static let glyph = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"]
        .map { $0.map { $0 == "#" } }

    private static func letterValue(row: Int, column: Int, height: Int, width: Int) -> Double {
        // The glyph fills the middle 3/4 of each axis; the rest is margin.
        let top = height / 8, left = width / 8
        let glyphHeight = height - 2 * top, glyphWidth = width - 2 * left
        guard row >= top, row < top + glyphHeight, column >= left, column < left + glyphWidth else { return 0 }
        let glyphRow = (row - top) * 7 / glyphHeight
        let glyphColumn = (column - left) * 5 / glyphWidth
        return glyph[glyphRow][glyphColumn] ? 1 : 0
    }
}
