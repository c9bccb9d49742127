import Tensors
import TextPlots

extension Builtins {
    /// `diagram`: figures 9.2–9.4 drawn from real layers.
    static var layerDiagram: [Builtin] {
        [diagram]
    }

    private static let diagram = Builtin(
        "diagram", [
            Parameter("layer"), Parameter("input", kind: .namedOnly),
            Parameter("highlight", kind: .namedOnly, default: Value.none),
            Parameter("from", kind: .namedOnly, default: Value.none, shownAs: "\"below\""),
            Parameter("title", kind: .namedOnly, default: Value.none),
            Parameter("compare", kind: .namedOnly, default: .bool(false)),
            charsetParameter,
        ],
        summary: "Draws a 1-D layer (or a list of layers) as units and edges, like figures 9.2–9.4.",
        details: """
            input: the number of input units (at most 16). Rows are named x (inputs), then s for
            one layer, or h, g, … for a stack. highlight: a unit name such as "x3" or "g3"
            (1-based, as the figures) or a 0-based index on the input row (from: "below", the
            units it affects) or the top row (from: "above", the units that affect it).
            compare: true draws a dense stack with the same rows beside it (figures 9.2–9.3).
            Edges are box-drawing strokes, dotted off the highlighted paths; in ASCII they are
            / \\ | (dotted : and .) and cross as X and +.
            """
    ) { arguments, context in
        let stack = try diagramStack(arguments)
        let charset = try charset(arguments, context)
        let units = try LayerArguments.shape(arguments)
        guard units.count == 1 else {
            throw arguments.valueError("input", "must be a number of units (diagrams are 1-D), found \(units)")
        }
        let title = try arguments.has("title") ? arguments.string("title")
            : (stack.count == 1 ? stack[0].summary : nil)
        let compare = try arguments.bool("compare")
        return try drawing {
            let figure = try diagramFigure(stack, units: units[0], title: title, arguments: arguments,
                                           charset: charset, control: context.control)
            guard compare else { return figure }
            let dense = try denseCounterpart(of: stack, units: units[0], control: context.control)
            let denseFigure = try diagramFigure(dense, units: units[0],
                                                title: dense.count == 1 ? dense[0].summary : "dense stack",
                                                arguments: arguments, charset: charset, control: context.control)
            return try FigureGrid.render([figure, denseFigure], titles: nil, columns: 2,
                                         width: context.renderOptions.width)
        }
    }

    /// One stack drawn with the call's highlight.
    private static func diagramFigure(_ stack: [Layer], units: Int, title: String?, arguments: BoundArguments,
                                      charset: Charset, control: ExecutionControl) throws -> Figure {
        let plan = try LayerDiagramPlan(stack: stack, units: units, control: control)
        let highlight = try diagramHighlight(arguments, plan: plan)
        return try LayerDiagram.render(rows: plan.rows, edges: plan.edges, highlight: highlight, title: title,
                                       charset: charset)
    }

    /// Dense layers with the same rows as `stack`, so both diagrams name the same units.
    private static func denseCounterpart(of stack: [Layer], units: Int, control: ExecutionControl) throws -> [Layer] {
        let rowSizes = try LayerDiagramPlan(stack: stack, units: units, control: control).rows.map(\.labels.count)
        return try zip(rowSizes, rowSizes.dropFirst()).map { inputs, outputs in
            Layer.dense(try DenseLayer(inputs: inputs, outputs: outputs))
        }
    }

    private static func diagramStack(_ arguments: BoundArguments) throws -> [Layer] {
        let value = arguments.value("layer")
        if case .layer(let trainable) = value { return [trainable.layer] }
        guard case .list(let items) = value else {
            throw arguments.typeError("layer", expected: "a layer or a list of layers", found: value)
        }
        return try items.map { item in
            guard case .layer(let trainable) = item else {
                throw arguments.typeError("layer", expected: "a list of layers", found: item)
            }
            return trainable.layer
        }
    }

    private static func diagramHighlight(_ arguments: BoundArguments, plan: LayerDiagramPlan) throws -> DiagramHighlight? {
        guard arguments.has("highlight") else { return nil }
        let direction = try arguments.has("from") ? arguments.string("from") : nil
        guard direction == nil || direction == "below" || direction == "above" else {
            throw arguments.valueError("from", "must be \"below\" or \"above\", found \"\(direction ?? "")\"")
        }
        let unit: DiagramUnit
        if case .string(let name) = arguments.value("highlight") {
            guard let named = plan.unit(named: name) else {
                let rows = plan.rows.map { "\($0.labels.first ?? "")…\($0.labels.last ?? "")" }.joined(separator: ", ")
                throw arguments.valueError("highlight", "names no unit of this diagram: \"\(name)\"; the rows are \(rows)")
            }
            unit = named
        } else {
            let row = direction == "above" ? plan.rows.count - 1 : 0
            let index = try arguments.integer("highlight")
            guard plan.rows[row].labels.indices.contains(index) else {
                throw RuntimeError(.index, "diagram: highlight \(index) is out of range for a row of \(plan.rows[row].labels.count) units")
            }
            unit = DiagramUnit(row: row, unit: index)
        }
        let fromBelow = direction.map { $0 == "below" } ?? (unit.row == 0)
        return plan.highlight(unit, fromBelow: fromBelow)
    }
}
