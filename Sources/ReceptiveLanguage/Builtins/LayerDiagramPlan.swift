import Tensors
import TextPlots

/// A stack of 1-D layers laid out as the book's figures 9.2–9.4 draw them: one row of units
/// per level (x at the bottom), edges from each layer's connectivity, and the units a
/// highlighted unit affects (from below) or is affected by (from above).
struct LayerDiagramPlan {
    /// The diagram's rows, bottom first.
    let rows: [DiagramRow]
    /// Every connection of every layer.
    let edges: [DiagramEdge]
    private let matrices: [SparseMatrix]
    private let prefixes: [String]

    /// Lays out `stack` on a 1-D input of `units` units (connectivity computed under `control`).
    init(stack: [Layer], units: Int, control: ExecutionControl) throws {
        guard !stack.isEmpty, stack.count <= 8 else {
            throw RuntimeError(.value, "diagram: draws 1 to 8 layers, found \(stack.count)")
        }
        prefixes = ["x"] + (stack.count == 1 ? ["s"] : "hgfedcba".prefix(stack.count).map(String.init))
        var shape = [units]
        var matrices: [SparseMatrix] = []
        for layer in stack {
            let output = try layer.outputShape(input: shape)
            guard output.count == 1 else {
                throw RuntimeError(.shape, "diagram: draws 1-D single-channel layers, but \(layer.summary) gives "
                    + "\(Tensor.describe(output)); use spy(connectivity(layer, input: …)) instead")
            }
            matrices.append(try layer.connectivity(input: shape, control: control))
            shape = output
        }
        self.matrices = matrices
        var offset = 0.0
        var rows = [DiagramRow(prefix: "x", count: units)]
        for (index, matrix) in matrices.enumerated() {
            offset = max(0, offset + LayerDiagramPlan.centreShift(matrix))
            rows.append(DiagramRow(prefix: prefixes[index + 1], count: matrix.rows, offset: offset))
        }
        self.rows = rows
        edges = matrices.enumerated().flatMap { level, matrix in
            (0..<matrix.rows).flatMap { output in
                (matrix.rowStarts[output]..<matrix.rowStarts[output + 1]).map { entry in
                    DiagramEdge(fromRow: level, fromUnit: Int(matrix.columnIndices[entry]), toRow: level + 1, toUnit: output)
                }
            }
        }
    }

    /// The unit named like "x3" or "g3" (1-based, as the figures), if it exists.
    func unit(named name: String) -> DiagramUnit? {
        let prefix = String(name.prefix { !$0.isNumber })
        guard let row = prefixes.firstIndex(of: prefix), let number = Int(name.dropFirst(prefix.count)),
              number >= 1, number <= rows[row].labels.count else { return nil }
        return DiagramUnit(row: row, unit: number - 1)
    }

    /// The highlight of `unit` with the units it affects (`fromBelow`) or that affect it.
    func highlight(_ unit: DiagramUnit, fromBelow: Bool) -> DiagramHighlight {
        var marked: Set<DiagramUnit> = []
        var current: Set<Int> = [unit.unit]
        let levels = fromBelow ? Array(unit.row..<matrices.count) : Array((0..<unit.row).reversed())
        for level in levels {
            let matrix = matrices[level]
            var next: Set<Int> = []
            for output in 0..<matrix.rows {
                for entry in matrix.rowStarts[output]..<matrix.rowStarts[output + 1] {
                    let input = Int(matrix.columnIndices[entry])
                    if fromBelow, current.contains(input) { next.insert(output) }
                    if !fromBelow, current.contains(output) { next.insert(input) }
                }
            }
            let row = fromBelow ? level + 1 : level
            marked.formUnion(next.map { DiagramUnit(row: row, unit: $0) })
            current = next
        }
        let name = rows[unit.row].labels[unit.unit]
        return DiagramHighlight(unit: unit, marked: marked, meaning: fromBelow ? "affected by \(name)" : "affect \(name)")
    }

    /// How far right of its input row an output row sits so that each output stands over the
    /// centre of the inputs it sees: mean window centre minus the row's own centre.
    private static func centreShift(_ matrix: SparseMatrix) -> Double {
        var total = 0.0
        var counted = 0
        for output in 0..<matrix.rows where matrix.rowStarts[output + 1] > matrix.rowStarts[output] {
            let first = Double(matrix.columnIndices[matrix.rowStarts[output]])
            let last = Double(matrix.columnIndices[matrix.rowStarts[output + 1] - 1])
            total += (first + last) / 2
            counted += 1
        }
        guard counted > 0 else { return 0 }
        return total / Double(counted) - Double(matrix.rows - 1) / 2
    }
}
