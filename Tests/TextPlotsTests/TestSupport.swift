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

/// Two stride-2 width-3 layers on 11 inputs (notebook 03's figure): h_j reads x_{2j…2j+2},
/// g_k reads h_{2k…2k+2}; each output stands over the middle of its window.
let stridedRows = [DiagramRow(prefix: "x", count: 11), DiagramRow(prefix: "h", count: 5, offset: 1, step: 2),
                   DiagramRow(prefix: "g", count: 2, offset: 3, step: 4)]
let stridedEdges = (0..<5).flatMap { h in (0..<3).map { DiagramEdge(fromRow: 0, fromUnit: 2 * h + $0, toRow: 1, toUnit: h) } }
    + (0..<2).flatMap { g in (0..<3).map { DiagramEdge(fromRow: 1, fromUnit: 2 * g + $0, toRow: 2, toUnit: g) } }
/// g2 with everything that affects it: h3…h5 and x5…x11.
let stridedHighlight = DiagramHighlight(
    unit: DiagramUnit(row: 2, unit: 1),
    marked: Set((2...4).map { DiagramUnit(row: 1, unit: $0) } + (4...10).map { DiagramUnit(row: 0, unit: $0) }),
    meaning: "affect g2")

/// A dense layer 5 → 5: every input joins every output.
let denseEdges = (0..<5).flatMap { i in (0..<5).map { DiagramEdge(fromRow: 0, fromUnit: i, toRow: 1, toUnit: $0) } }

/// Input `unit` of a 5 → 5 dense layer with every output it reaches.
func fanOut(of unit: Int) -> DiagramHighlight {
    DiagramHighlight(unit: DiagramUnit(row: 0, unit: unit), marked: Set((0..<5).map { DiagramUnit(row: 1, unit: $0) }),
                     meaning: "affected by x\(unit + 1)")
}

/// Pooling by 2 on 6 inputs: each output stands between the two inputs it reads.
let pooledRows = [DiagramRow(prefix: "x", count: 6), DiagramRow(prefix: "s", count: 3, offset: 0.5, step: 2)]
let pooledEdges = (0..<3).flatMap { s in (0..<2).map { DiagramEdge(fromRow: 0, fromUnit: 2 * s + $0, toRow: 1, toUnit: s) } }

/// The 4×6 matrix of the kernel [1, -2, 0.5] on 6 inputs, with one stored zero (row 3, column 0).
func bandMatrix() throws -> SparseMatrix {
    try SparseMatrix(rows: 4, columns: 6, rowStarts: [0, 3, 6, 9, 13],
                     columnIndices: [0, 1, 2, 1, 2, 3, 2, 3, 4, 0, 3, 4, 5],
                     values: [1, -2, 0.5, 1, -2, 0.5, 1, -2, 0.5, 0, 1, -2, 0.5])
}
