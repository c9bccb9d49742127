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
        var rows = [DiagramRow(prefix: "x", count: units)]
        for (index, matrix) in matrices.enumerated() {
            // Positions compose: an output stands over the middle of its window of the row
            // below, itself placed over its own window.
            let below = rows[index]
            let (offset, step) = LayerDiagramPlan.placement(matrix)
            rows.append(DiagramRow(prefix: prefixes[index + 1], count: matrix.rows,
                                   offset: below.offset + below.step * offset, step: below.step * step))
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

    /// Where an output row stands over its input row, in input units: output `u` over
    /// `offset + step × u`, the middle of its window. The line is fitted through the outputs
    /// that read a whole window (the most inputs); outputs whose windows hang over the padding
    /// stand where their whole window's middle would be, as in the book's figures, rather than
    /// over the few real inputs they read. Steps below 1 (outputs packed closer than their
    /// inputs) would make labels collide, and only happen when windows do not move with the
    /// output.
    private static func placement(_ matrix: SparseMatrix) -> (offset: Double, step: Double) {
        let fanIns = (0..<matrix.rows).map { matrix.rowStarts[$0 + 1] - matrix.rowStarts[$0] }
        let widest = fanIns.max() ?? 0
        let whole = (0..<matrix.rows).filter { widest > 0 && fanIns[$0] == widest }
        func centre(_ output: Int) -> Double {
            let first = Double(matrix.columnIndices[matrix.rowStarts[output]])
            let last = Double(matrix.columnIndices[matrix.rowStarts[output + 1] - 1])
            return (first + last) / 2
        }
        guard let first = whole.first, let last = whole.last else { return (0, 1) }
        let step = last > first ? (centre(last) - centre(first)) / Double(last - first) : 1
        guard step >= 1 else {
            // Windows that do not move with the output (a dense layer: every window is the
            // whole input) say nothing about where outputs stand: centre the row, one unit apart.
            let mean = whole.map(centre).reduce(0, +) / Double(whole.count)
            return (mean - Double(matrix.rows - 1) / 2, 1)
        }
        return (centre(first) - step * Double(first), step)
    }
}
