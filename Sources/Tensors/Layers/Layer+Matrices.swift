extension Layer {
    /// The outputs × inputs 0/1 matrix: entry (i, j) is 1 when output i sees input j
    /// (figures 9.2/9.3). Inputs and outputs are numbered row-major over their shapes.
    public func connectivity(input: [Int], control: ExecutionControl) throws -> SparseMatrix {
        try connectionMatrix(input: input, combine: .first, control: control) { _, _ in 1 }
    }

    /// The connectivity pattern with entry = 1-based index of the weight each connection uses
    /// (figure 9.5): convolution diagonals share an index, locally connected ones are all
    /// distinct, tiled ones cycle with period t.
    public func sharing(input: [Int], control: ExecutionControl) throws -> SparseMatrix {
        if case .pooling = self {
            throw TensorError.invalidArgument("pool_layer has no weights to share; use connectivity(layer, input:)")
        }
        var matrix = try connectionMatrix(input: input, combine: .first, control: control) { _, weight in Double(weight + 1) }
        matrix.weightCount = try params(input: input)
        return matrix
    }

    /// The matrix M with M @ flatten(x) == flatten(self(x)) for inputs of shape `input`
    /// (Toeplitz / doubly block Toeplitz; circulant with wrap padding).
    public func matrix(input: [Int], control: ExecutionControl) throws -> SparseMatrix {
        if case .pooling(let pooling) = self, pooling.kind == .max {
            throw TensorError.invalidArgument(
                "max pooling is not linear, so it has no matrix; use connectivity(layer, input:) or an average pool")
        }
        return try connectionMatrix(input: input, combine: .sum, control: control) { connections, weight in
            connections.weightValue(weight)
        }
    }

    private func connectionMatrix(input: [Int], combine: SparseMatrixBuilder.Combine, control: ExecutionControl,
                                  entry: (ConnectionEnumerator, _ weight: Int) -> Double) throws -> SparseMatrix {
        let connections = try ConnectionEnumerator(self, input: input)
        let (estimate, overflow) = connections.outputCount.multipliedReportingOverflow(by: connections.maximumFanIn)
        guard connections.inputCount <= Int(Int32.max) else {
            throw TensorError.limitExceeded(
                "a matrix with \(connections.inputCount) columns is wider than sparse matrices allow (\(Int32.max))")
        }
        guard !overflow, estimate <= control.maxElements else {
            throw TensorError.limitExceeded(
                "the \(connections.outputCount)×\(connections.inputCount) matrix of \(summary) would store up to "
                + "\(connections.outputCount) × \(connections.maximumFanIn) entries, over the cap of "
                + "\(control.maxElements); use params/flops/compare or a smaller input")
        }
        var builder = SparseMatrixBuilder(columns: connections.inputCount, combine: combine, capacity: estimate)
        for output in 0..<connections.outputCount {
            if output % 4096 == 0 { try control.checkInterrupt() }
            connections.forEachConnection(of: output) { input, weight in
                builder.append(column: input, value: entry(connections, weight))
            }
            builder.finishRow()
        }
        return builder.build()
    }
}
