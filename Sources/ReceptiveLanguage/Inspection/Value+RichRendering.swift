import Tensors
import TextPlots

/// What the debugger's "render variable" view shows: the value as a picture where it has one
/// (a matrix as its heatmap above its numbers, a layer as its diagram and weights, a sparse
/// matrix as its spy plot), otherwise as a cell would show it.
extension Value {
    /// The rendering; drawing work runs under `control`, whose cap bounds what a panel draws.
    func richRendering(options: RenderOptions, control: ExecutionControl) -> Figure {
        switch self {
        case .tensor(let tensor) where tensor.rank == 2 || tensor.rank == 3:
            let numbers = TensorFormatter.render(tensor, options: options)
            guard let heatmap = try? Heatmap.render(tensor, options: HeatmapOptions(), sessionWidth: options.width,
                                                    control: control) else { return numbers }
            return Figure.stacked([heatmap, numbers])
        case .layer(let layer):
            var parts = [Figure(text: layer.summary, html: HTMLText.pre(layer.summary))]
            if let diagram = Value.diagram(of: layer.layer, control: control) { parts.append(diagram) }
            if case .tensor(let weights)? = layer.inspectedProperty("weights", control: control) {
                parts.append(TensorFormatter.render(weights, options: options))
            }
            return Figure.stacked(parts)
        case .sparse(let matrix):
            // Sparse matrices are outputs × inputs, so small ones get the book's unit names.
            var spyOptions = SpyOptions()
            if matrix.rows <= spyOptions.gridLimit && matrix.columns <= spyOptions.gridLimit {
                spyOptions.rowLabels = (0..<matrix.rows).map { "s\($0 + 1)" }
                spyOptions.columnLabels = (0..<matrix.columns).map { "x\($0 + 1)" }
            }
            let summary = Figure(text: resultText, html: HTMLText.pre(resultText))
            guard let spy = try? Spy.render(matrix, options: spyOptions, sessionWidth: options.width,
                                            control: control) else { return summary }
            return Figure.stacked([summary, spy])
        case .function(let function):
            let help = HelpText.text(for: function)
            return Figure(text: help, html: HTMLText.pre(help))
        default:
            let figure = rendered(options: options)
            return Figure(text: figure.text, html: figure.html ?? HTMLText.pre(figure.text))
        }
    }

    /// A 1-D layer drawn as figure 9.2 does, on enough inputs to show a few outputs; nil for
    /// layers a diagram cannot draw (2-D, several channels, more than 16 units).
    private static func diagram(of layer: Layer, control: ExecutionControl) -> Figure? {
        let units: Int
        switch layer {
        case .dense(let dense): units = dense.inputs
        case .convolution(let convolution): units = inputCount(convolution.window)
        case .pooling(let pooling): units = inputCount(pooling.window)
        }
        guard units <= LayerDiagram.maxUnits, let plan = try? LayerDiagramPlan(stack: [layer], units: units, control: control)
        else { return nil }
        return try? LayerDiagram.render(rows: plan.rows, edges: plan.edges)
    }

    /// Inputs for a diagram of a 1-D window: its span and four strides more, at most 16.
    private static func inputCount(_ window: Window) -> Int {
        guard window.spatialRank == 1 else { return LayerDiagram.maxUnits + 1 }
        return min(LayerDiagram.maxUnits, max(6, window.reach(0) + 1 + 4 * window.stride[0]))
    }
}

extension Figure {
    /// Figures one above the other with a blank line between; the HTML stacks their `<pre>`s.
    static func stacked(_ figures: [Figure]) -> Figure {
        Figure(text: figures.map(\.text).joined(separator: "\n\n"),
               html: figures.map { $0.html ?? HTMLText.pre($0.text) }.joined(separator: "\n"))
    }
}
