/// Two layers side by side on the same input (figure 9.6): parameters, memory, stored
/// matrix entries and FLOPs, with the ratio of the larger count to the smaller for each, so
/// that `compare(dense, conv)` and `compare(conv, dense)` both read "dense ÷ conv = 4,001,536,000".
public struct LayerComparison: Sendable, Equatable {
    /// One measured quantity for both layers.
    public struct Row: Sendable, Equatable {
        /// What is measured: "params", "memory_bytes", "matrix_entries" or "flops".
        public let name: String
        /// The first layer's count.
        public let first: Int
        /// The second layer's count.
        public let second: Int

        /// Whether the ratio divides the second count by the first (the second is at least as
        /// large as the first) rather than the first by the second.
        public var secondIsLarger: Bool { second >= first }

        /// The larger count ÷ the smaller (at least 1); nil when the smaller is 0.
        public var ratio: Double? {
            let (larger, smaller) = secondIsLarger ? (second, first) : (first, second)
            return smaller == 0 ? nil : Double(larger) / Double(smaller)
        }
    }

    /// Short names of the two layers for saying which count a ratio divides by which
    /// ("dense", "conv", "locally_connected", "tiled", "pool"); "a" and "b" when the two
    /// layers are of one kind.
    public let firstName: String, secondName: String

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
        let names = [first, second].map { $0.name.replacingOccurrences(of: "_layer", with: "") }
        (firstName, secondName) = names[0] == names[1] ? ("a", "b") : (names[0], names[1])
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
