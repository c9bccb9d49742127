/// Two layers side by side on the same input (figure 9.6): parameters, memory, stored
/// matrix entries and FLOPs, with the ratio second / first for each.
public struct LayerComparison: Sendable, Equatable {
    /// One measured quantity for both layers.
    public struct Row: Sendable, Equatable {
        /// What is measured: "params", "memory_bytes", "matrix_entries" or "flops".
        public let name: String
        /// The first layer's count.
        public let first: Int
        /// The second layer's count.
        public let second: Int

        /// second / first; nil when the first count is 0.
        public var ratio: Double? { first == 0 ? nil : Double(second) / Double(first) }
    }

    /// The input shape both layers were measured on.
    public let input: [Int]
    /// The first layer's output shape.
    public let firstOutput: [Int]
    /// The second layer's output shape.
    public let secondOutput: [Int]
    /// params, memory_bytes, matrix_entries, flops, in that order.
    public let rows: [Row]

    /// Measures `first` and `second` on inputs of shape `input`.
    public init(_ first: Layer, _ second: Layer, input: [Int], control: ExecutionControl) throws {
        func row(_ name: String, _ measure: (Layer) throws -> Int) throws -> Row {
            Row(name: name, first: try measure(first), second: try measure(second))
        }
        self.input = input
        firstOutput = try first.outputShape(input: input)
        secondOutput = try second.outputShape(input: input)
        rows = [
            try row("params") { try $0.params(input: input) },
            try row("memory_bytes") { try $0.memoryBytes(input: input) },
            try row("matrix_entries") { try $0.matrixEntries(input: input, control: control) },
            try row("flops") { try $0.flops(input: input, control: control) },
        ]
    }

    /// The dense layer with the same input and output sizes as `layer` on `input`
    /// (what `compare(a, input:)` measures `a` against).
    public static func denseEquivalent(of layer: Layer, input: [Int]) throws -> Layer {
        let outputs = try Tensor.elementCount(of: layer.outputShape(input: input))
        return .dense(try DenseLayer(inputs: try Tensor.elementCount(of: input), outputs: outputs))
    }

    /// The row called `name`, if any.
    public subscript(name: String) -> Row? { rows.first { $0.name == name } }
}
