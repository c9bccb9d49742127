import Learning
import Tensors

extension Builtins {
    /// Training (docs/language.md, "Learning"): `train`.
    static var training: [Builtin] { [train] }

    private static let train = Builtin(
        "train", [
            Parameter("model"), Parameter("inputs"), Parameter("targets"),
            Parameter("loss", kind: .namedOnly, default: Value.none, shownAs: "mse"),
            Parameter("optimizer", kind: .namedOnly, default: Value.none, shownAs: "sgd(lr: 0.01)"),
            Parameter("epochs", kind: .namedOnly, default: .number(1)),
            Parameter("batch", kind: .namedOnly, default: .number(32)),
            Parameter("shuffle", kind: .namedOnly, default: .bool(true)),
            Parameter("seed", kind: .namedOnly, default: .number(0)),
            Parameter("validation", kind: .namedOnly, default: Value.none),
            Parameter("plot", kind: .namedOnly, default: .bool(true)),
        ],
        summary: "Trains a model or layer in place, one atomic optimizer step per batch; returns a record of the losses.",
        details: """
            Each epoch goes through the inputs (N examples along the first axis) in batches of batch, shuffled
            from seed; loss(model(x), y) is differentiated and the optimizer moves every layer at once. A live
            plot of the loss is updated in place (in run and the REPL it is shown at the end, with progress on
            stderr). validation: (inputs, targets) or a data set adds val_loss and val_accuracy per epoch. The
            record has loss (one per step), steps and seconds. An interrupt stops between steps: the model keeps
            the last completed step, the error says which, and train can be called again to continue. plot: false
            shows no plot.
            """
    ) { arguments, context in
        try trainingRun(arguments, context: context).run(context: context).asValue
    }

    private static func trainingRun(_ arguments: BoundArguments, context: any BuiltinContext) throws -> TrainingRun {
        let model = arguments.value("model")
        let layers: [TrainableLayer]
        switch model {
        case .model(let value): layers = value.trainableLayers
        case .layer(let layer): layers = layer.isTrainable ? [layer] : []
        default: throw arguments.typeError("model", expected: "a model (sequential) or a layer", found: model)
        }
        guard !layers.isEmpty else {
            throw arguments.valueError("model", "has no layer with weights to train (conv_layer or dense_layer)")
        }
        let loss = arguments.has("loss") ? arguments.value("loss") : Builtins.all["mse"].map { Value.function($0) } ?? .none
        guard case .function = loss else { throw arguments.typeError("loss", expected: "a function (pred, target)", found: loss) }
        let optimizer: Optimizer
        switch arguments.value("optimizer") {
        case .optimizer(let given): optimizer = given
        case .none: optimizer = try Optimizer(.sgd(learningRate: 0.01, momentum: 0, weightDecay: 0))
        case let other: throw arguments.typeError("optimizer", expected: "an optimizer (sgd or adam)", found: other)
        }
        let epochs = try arguments.integer("epochs"), batch = try arguments.integer("batch")
        guard epochs >= 1 else { throw arguments.valueError("epochs", "must be at least 1, found \(epochs)") }
        guard batch >= 1 else { throw arguments.valueError("batch", "must be at least 1, found \(batch)") }
        return TrainingRun(
            model: model, layers: layers,
            data: try TrainingData(inputs: arguments.tensor("inputs"), targets: arguments.tensor("targets"), name: "train"),
            loss: loss, optimizer: optimizer, epochs: epochs, batchSize: batch, shuffle: try arguments.bool("shuffle"),
            seed: try LayerArguments.seed(arguments), showsPlot: try arguments.bool("plot"),
            validation: arguments.has("validation") ? try TrainingData(validation: arguments.value("validation")) : nil)
    }
}

extension Record {
    /// The record as a value.
    var asValue: Value { .record(self) }
}
