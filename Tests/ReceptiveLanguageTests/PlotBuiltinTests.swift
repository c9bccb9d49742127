import Foundation
import Learning
@testable import ReceptiveLanguage
import Tensors
import Testing
import TextPlots

/// The least a builtin needs from a session to draw: the render options and a control.
private final class DrawingContext: BuiltinContext {
    var renderOptions = RenderOptions()
    let control = ExecutionControl()
    var workingDirectory: URL? { nil }
    var tape: Tape?
    var variables: [(name: String, value: Value)] { [] }
    func lookup(_ name: String) -> Value? { nil }
    func write(_ text: String, toStandardError: Bool) {}
    func display(_ value: Value) {}
    func clearOutput() {}
    func page(_ figure: Figure) {}
    func readInput(prompt: String) throws -> String { throw RuntimeError(.io, "no input in this test") }
    func call(_ callee: Value, _ arguments: [Value]) throws -> Value { throw RuntimeError(.type, "no calls in this test") }
    func display(_ figure: Figure, id: String, update: Bool) {}
    var widgets: (any WidgetHost)? { nil }
    var updatesDisplaysInPlace: Bool { false }
    func render(_ interaction: Interaction) throws -> CapturedOutput { CapturedOutput() }
}

private func call(_ name: String, _ positional: [Value], _ named: [String: Value] = [:]) throws -> Value {
    let builtin = try #require(Builtins.all[name])
    let arguments = try ArgumentBinder(callee: builtin)
        .bind(positional: positional, named: named.map { ArgumentBinder.Named(name: $0.key, value: $0.value) })
    return try builtin.invoke(arguments, context: DrawingContext())
}

/// The figure 9.2 connectivity of a width-3 "same" convolution on 4 inputs, in CSR form.
private func connectivity() throws -> SparseMatrix {
    try SparseMatrix(rows: 4, columns: 4, rowStarts: [0, 2, 5, 8, 10],
                     columnIndices: [0, 1, 0, 1, 2, 1, 2, 3, 2, 3], values: Array(repeating: 1, count: 10))
}

@Test func spyOfASparseMatrixNamesUnitsLikeTheBook() throws {
    guard case .plot(let figure) = try call("spy", [.sparse(try connectivity())]) else {
        Issue.record("spy did not return a plot")
        return
    }
    #expect(figure.text == """
           x1 x2 x3 x4
        s1  ●  ●  ·  ·
        s2  ●  ●  ●  ·
        s3  ·  ●  ●  ●
        s4  ·  ·  ●  ●
        4×4   10 ≠ 0   density 62%
        """)
}

@Test func spyLabelsCanBeOverriddenForSparseMatrices() throws {
    guard case .plot(let figure) = try call("spy", [.sparse(try connectivity())],
                                             ["row_labels": .string("h"), "column_labels": .string("g")]) else {
        Issue.record("spy did not return a plot")
        return
    }
    #expect(figure.text.hasPrefix("   g1 g2 g3 g4\nh1  ●  ●  ·  ·"))
}

@Test func tableOfARecordListsItsFields() throws {
    let record = Record(typeName: "compare", fields: [("params", .number(3)), ("flops", .number(178_640)),
                                                      ("name", .string("conv"))])
    guard case .plot(let figure) = try call("table", [.record(record)]) else {
        Issue.record("table did not return a plot")
        return
    }
    #expect(figure.text == """
        field    value
        ──────   ───────
        params   3
        flops    178,640
        name     conv
        """)
    #expect(figure.html?.hasPrefix("<table>") == true)
}
