import Tensors
import TextPlots

extension ExecutionControl {
    /// A new control with the default cap and no interrupt pending, for a drawing whose test
    /// neither interrupts nor changes the cap; no two uses share one.
    static var fresh: ExecutionControl { ExecutionControl() }
}

/// A `rows`×`columns` matrix whose entry (row, column) is `value(row, column)`.
func matrix(_ rows: Int, _ columns: Int, _ value: (Int, Int) -> Double) throws -> Tensor {
    var scalars: [Double] = []
    for row in 0..<rows { for column in 0..<columns { scalars.append(value(row, column)) } }
    return try Tensor(shape: [rows, columns], scalars: scalars)
}

/// The book's figure 9.2 layer: output s_i sees inputs x_{i-1}, x_i, x_{i+1} (kernel width 3).
func convolutionConnectivity(units: Int, weightIndices: Bool) throws -> Tensor {
    var scalars = [Double](repeating: 0, count: units * units)
    for output in 0..<units {
        for offset in -1...1 where (0..<units).contains(output + offset) {
            scalars[output * units + output + offset] = weightIndices ? Double(offset + 2) : 1
        }
    }
    return try Tensor(shape: [units, units], scalars: scalars)
}

/// The book's figure 9.6 edge detector on a 280×320 image: output (i, j) of the 280×319
/// result reads inputs (i, j) and (i, j + 1), enumerated without storing anything.
func edgeDetectorEntries(_ visit: (Int, Int, Double) throws -> Void) throws {
    for i in 0..<280 {
        for j in 0..<319 {
            try visit(i * 319 + j, i * 320 + j, -1)
            try visit(i * 319 + j, i * 320 + j + 1, 1)
        }
    }
}

/// Edges of a width-3 "same" convolution from row `below` to row `below + 1` (figure 9.2).
func convolutionEdges(units: Int, below: Int) -> [DiagramEdge] {
    (0..<units).flatMap { output in
        (-1...1).compactMap { offset in
            (0..<units).contains(output + offset)
                ? DiagramEdge(fromRow: below, fromUnit: output + offset, toRow: below + 1, toUnit: output) : nil
        }
    }
}
