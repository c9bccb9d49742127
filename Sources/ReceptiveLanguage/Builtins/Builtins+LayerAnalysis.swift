import Tensors

extension Builtins {
    /// The §9.2 analyses of layers: connections, sharing, matrices, receptive fields, costs.
    static var layerAnalysis: [Builtin] {
        [connectivity, sharing, asMatrix, dense, compare] + layerProperties
    }

    private static let connectivity = Builtin(
        "connectivity", [Parameter("layer"), Parameter("input", kind: .namedOnly)],
        summary: "The outputs×inputs 0/1 sparse matrix of which inputs each output sees (figures 9.2/9.3).",
        details: "Units are numbered row-major over the input and output shapes. Fields: shape, nnz, density."
    ) { arguments, context in
        .sparse(try LayerArguments.layer(arguments).connectivity(input: LayerArguments.shape(arguments),
                                                                 control: context.control))
    }

    private static let sharing = Builtin(
        "sharing", [Parameter("layer"), Parameter("input", kind: .namedOnly)],
        summary: "Like connectivity, with the 1-based index of the weight each connection uses (figure 9.5).",
        details: "Convolution diagonals share one index, locally_connected indices are all distinct, tiled ones cycle with period t."
    ) { arguments, context in
        .sparse(try LayerArguments.layer(arguments).sharing(input: LayerArguments.shape(arguments),
                                                            control: context.control))
    }

    private static let asMatrix = Builtin(
        "as_matrix", [
            Parameter("kernel_or_layer"), Parameter("input", kind: .namedOnly),
            Parameter("mode", kind: .namedOnly, default: Value.none),
        ],
        summary: "The (doubly block) Toeplitz matrix M with M @ flatten(x) == flatten(layer(x)), as a sparse matrix.",
        details: """
            For a layer, mode (if given) replaces its padding: "valid", "full", "same" or "wrap"
            (circular: doubly block circulant). For a kernel tensor, M @ flatten(x) ==
            flatten(convolve(x, k, mode:)) with mode "valid" by default, "wrap" being scipy's
            convolve2d(boundary="wrap", mode="same"); in 1-D it is scipy.linalg.convolution_matrix.
            """
    ) { arguments, context in
        let input = try LayerArguments.shape(arguments)
        let mode = try arguments.has("mode") ? matrixMode(arguments) : nil
        if case .layer(let trainable) = arguments.value("kernel_or_layer") {
            let layer = trainable.layer
            let padded = try mode.map { mode, fill in
                try layer.padded(mode == .same ? .same : mode == .full ? .full : .valid, fill: fill)
            }
            return .sparse(try (padded ?? layer).matrix(input: input, control: context.control))
        }
        let kernel = try arguments.tensor("kernel_or_layer")
        let signal = try Layer.signalConvolution(kernel: kernel, mode: mode?.mode ?? .valid, fill: mode?.fill ?? .zero)
        return .sparse(try signal.matrix(input: input, control: context.control))
    }

    private static let dense = Builtin(
        "dense", [Parameter("m")],
        summary: "A sparse matrix as a dense tensor (refused above the allocation cap); a tensor is returned as is."
    ) { arguments, context in
        if case .sparse(let matrix) = arguments.value("m") {
            return .tensor(try matrix.dense(control: context.control))
        }
        return .tensor(try arguments.tensor("m"))
    }

    private static let compare = Builtin(
        "compare", [
            Parameter("a"), Parameter("b", default: Value.none, shownAs: "dense"),
            Parameter("input", kind: .namedOnly),
        ],
        summary: "Params, memory, matrix entries and FLOPs of two layers, and how many times larger one is (figure 9.6).",
        details: """
            b defaults to the dense layer with a's input and output sizes. Each row is a record
            (a, b, ratio_of, ratio): ratio is the larger count ÷ the smaller and ratio_of says which
            ("dense ÷ conv"), so the order of a and b does not change it:
            compare(conv_layer([[-1, 1]]), input: (280, 320)).flops.ratio is 59733.
            """
    ) { arguments, context in
        let input = try LayerArguments.shape(arguments)
        let first = try LayerArguments.layer(arguments, "a")
        let second = try arguments.has("b")
            ? LayerArguments.layer(arguments, "b") : LayerComparison.denseEquivalent(of: first, input: input)
        return .record(comparisonRecord(try LayerComparison(first, second, input: input, control: context.control)))
    }

    /// `mode:` of as_matrix: scipy's three modes, or "wrap" (as "same", the padding wrapped).
    private static func matrixMode(_ arguments: BoundArguments) throws -> (mode: SignalMode, fill: PaddingMode) {
        let name = try arguments.string("mode")
        if name == "wrap" { return (.same, .wrap) }
        guard let mode = SignalMode(rawValue: name) else {
            throw RuntimeError(.value, "\(arguments.functionName): mode must be one of \"full\", \"valid\", \"same\", \"wrap\", found \"\(name)\"")
        }
        return (mode, .zero)
    }

    private static func comparisonRecord(_ comparison: LayerComparison) -> Record {
        var fields: [(name: String, value: Value)] = [
            ("input", LayerArguments.tuple(comparison.input)),
            ("output_a", LayerArguments.tuple(comparison.firstOutput)),
            ("output_b", LayerArguments.tuple(comparison.secondOutput)),
        ]
        for row in comparison.rows {
            let ratio: Value = row.ratio.map { .number($0) } ?? .none
            let (larger, smaller) = row.secondIsLarger
                ? (comparison.secondName, comparison.firstName) : (comparison.firstName, comparison.secondName)
            fields.append((row.name, .record(Record(typeName: "row", fields: [
                ("a", .number(Double(row.first))), ("b", .number(Double(row.second))),
                ("ratio_of", .string("\(larger) ÷ \(smaller)")), ("ratio", ratio),
            ]))))
        }
        return Record(typeName: "compare", fields: fields)
    }
}
