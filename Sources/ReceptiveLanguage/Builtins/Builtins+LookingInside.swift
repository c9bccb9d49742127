import Learning
import Tensors
import TextPlots

extension Builtins {
    /// Looking inside a trained network (docs/language.md, "Learning"): `filters` and `activations`.
    static var lookingInside: [Builtin] { [filters, activations] }

    /// The most channels `activations` draws for one step (the rest are counted in the title).
    private static let channelLimit = 16

    private static let filters = Builtin(
        "filters", [Parameter("layer"), Parameter("input", kind: .namedOnly, default: Value.none)],
        summary: "Every kernel of a conv layer as a grid of heatmaps on one colour scale (a row per output channel).",
        details: """
            For a dense layer, each output's weights are drawn in the shape input: (e.g. (8, 8) for the digits),
            or the whole outputs × inputs matrix without it.
            """
    ) { arguments, context in
        let layer = try LayerArguments.trainableLayer(arguments)
        guard let weight = try layer.weight(control: context.control) else {
            throw arguments.valueError("layer", "has no weights to draw (pooling has none, locally_connected and tiled "
                                       + "keep a kernel per position or tile)")
        }
        let kernelShape: [Int]
        let columns: Int?
        if case .dense = layer.layer {
            guard arguments.has("input") else {
                return try drawing { try heatmaps([weight], titles: ["weights (outputs × inputs)"], columns: 1, context: context) }
            }
            kernelShape = try LayerArguments.shape(arguments)
            guard kernelShape.reduce(1, *) == weight.shape[1], kernelShape.count <= 2 else {
                throw arguments.valueError("input", "must hold the layer's \(weight.shape[1]) inputs in one or two axes, "
                                           + "found \(kernelShape)")
            }
            columns = nil
        } else {
            kernelShape = Array(weight.shape.dropFirst(2))
            // A row per output channel when there are several inputs; else as many as fit.
            columns = weight.shape[1] > 1 ? weight.shape[1] : nil
        }
        let kernels = weight.shape[0] * (weight.shape.count > 2 ? weight.shape[1] : 1)
        let plane = kernelShape.reduce(1, *)
        let shape = kernelShape.count == 1 ? [1] + kernelShape : kernelShape
        let images = try (0..<kernels).map { index in
            try Tensor(shape: shape, scalars: Array(weight.scalars[(index * plane)..<((index + 1) * plane)]))
        }
        let titles = (0..<kernels).map { index in
            if case .dense = layer.layer { return "out \(index + 1)" }
            return "out \(index / weight.shape[1] + 1), in \(index % weight.shape[1] + 1)"
        }
        return try drawing { try heatmaps(images, titles: titles, columns: columns, context: context) }
    }

    private static let activations = Builtin(
        "activations", [Parameter("model"), Parameter("x")],
        summary: "What each step of a model makes of one input: the input, then every step's output, channel by channel.",
        details: "x is one example (C × H × W, or what the model's first step takes). At most 16 channels are drawn per step."
    ) { arguments, context in
        let model = arguments.value("model")
        let steps: [Value]
        switch model {
        case .model(let value): steps = value.steps
        case .layer: steps = [model]
        default: throw arguments.typeError("model", expected: "a model or a layer", found: model)
        }
        var value = Value(tensor: try arguments.tensor("x"))
        return try drawing {
            var rows: [Figure] = []
            var titles: [String] = []
            for (index, step) in ([nil] + steps.map { Optional($0) }).enumerated() {
                if let step { value = try context.call(step, [value]) }
                guard let tensor = BoundArguments.tensor(from: value) else {
                    throw RuntimeError(.type, "activations: step \(index) gave \(value.typeDescription), not a tensor")
                }
                let (figure, title) = try activationRow(tensor, context: context)
                rows.append(figure)
                titles.append((index == 0 ? "input" : "\(index). \(stepName(steps[index - 1]))") + title)
            }
            return try FigureGrid.render(rows, titles: titles, columns: 1, width: context.renderOptions.width)
        }
    }

    /// One step's output as heatmaps: a plane per channel of a C × H × W (or N = 1 batch)
    /// output, one strip for a vector.
    private static func activationRow(_ tensor: Tensor, context: any BuiltinContext) throws -> (Figure, String) {
        var planes = tensor
        while planes.rank > 3 && planes.shape[0] == 1 { planes = try planes.reshaped(Array(planes.shape.dropFirst())) }
        switch planes.rank {
        case 0, 1:
            return (try heatmap(try planes.reshaped([1, planes.count]), title: nil, context: context), " (\(planes.count) values)")
        case 2:
            return (try heatmap(planes, title: nil, context: context), "")
        default:
            let channels = planes.shape[0]
            let plane = planes.count / channels
            let spatial = Array(planes.shape.suffix(2))
            let shown = min(channels, channelLimit)
            let images = try (0..<shown).map {
                try Tensor(shape: spatial, scalars: Array(planes.scalars[($0 * plane)..<(($0 + 1) * plane)]))
            }
            let figure = try heatmaps(images, titles: (0..<shown).map { "c\($0 + 1)" }, columns: nil, context: context)
            return (figure, channels > shown ? " (\(shown) of \(channels) channels)" : "")
        }
    }

    private static func stepName(_ step: Value) -> String {
        switch step {
        case .layer(let layer): return layer.name
        case .model: return "sequential"
        case .function(let function): return function.name
        default: return step.typeDescription
        }
    }

    /// Heatmaps on one colour scale, side by side.
    private static func heatmaps(_ tensors: [Tensor], titles: [String], columns: Int?,
                                 context: any BuiltinContext) throws -> Figure {
        let values = tensors.flatMap(\.scalars).filter(\.isFinite)
        let low = values.min() ?? 0, high = values.max() ?? 0
        let zlim = low < high ? low...high : nil
        let figures = try tensors.map { tensor in
            try Heatmap.render(tensor, options: HeatmapOptions(width: max(12, 2 * (tensor.shape.last ?? 1) + 8), zlim: zlim,
                                                             charset: context.renderOptions.charset),
                               sessionWidth: context.renderOptions.width, control: context.control)
        }
        return try FigureGrid.render(figures, titles: titles, columns: columns, width: context.renderOptions.width)
    }

    private static func heatmap(_ tensor: Tensor, title: String?, context: any BuiltinContext) throws -> Figure {
        try Heatmap.render(tensor, options: HeatmapOptions(title: title, charset: context.renderOptions.charset), sessionWidth: context.renderOptions.width,
                           control: context.control)
    }
}
