import Foundation
import Learning
import Tensors
import TextPlots

/// One call of `train` (docs/language.md, "Learning"): mini-batches of the data, each one step of the
/// optimizer on the model's layers, in place and atomically (a step's new weights are stored
/// only once its forward pass, loss and gradients have all succeeded), a live loss plot, and
/// validation after every epoch.
struct TrainingRun {
    let model: Value
    let layers: [TrainableLayer]
    let data: TrainingData
    let loss: Value
    let optimizer: Optimizer
    let epochs: Int
    let batchSize: Int
    let shuffle: Bool
    let seed: UInt64
    /// Whether the live loss plot is shown.
    let showsPlot: Bool
    let validation: TrainingData?

    /// Steps per epoch: the last batch holds what remains.
    var stepsPerEpoch: Int { (data.count + batchSize - 1) / batchSize }

    /// Trains and returns the record `train` gives: per-step losses, validation per epoch,
    /// steps and seconds.
    func run(context: any BuiltinContext) throws -> Record {
        guard context.tape == nil else { throw RuntimeError.nestedGradient("train") }
        let start = ContinuousClock.now
        let total = epochs * stepsPerEpoch
        var losses: [Double] = []
        var validationLosses: [Double] = []
        var validationAccuracies: [Double] = []
        var plot = LossPlot(context: context, totalSteps: total, isShown: showsPlot)
        var generator = RandomGenerator(seed: seed)
        var order = Array(0..<data.count)
        try context.control.trackProgress("train", total: total) { progress in
            for epoch in 0..<epochs {
                if shuffle { order.shuffle(using: &generator) }
                for step in 0..<stepsPerEpoch {
                    let indices = order[(step * batchSize)..<min(data.count, (step + 1) * batchSize)]
                    do {
                        try context.control.checkInterrupt()
                        losses.append(try self.step(indices, context: context))
                    } catch let error as RuntimeError where error.kind == .interrupted {
                        throw interrupted(after: losses.count, of: total, epoch: epoch)
                    } catch TensorError.interrupted {
                        throw interrupted(after: losses.count, of: total, epoch: epoch)
                    }
                    progress.advance()
                    plot.update(losses)
                }
                if let validation {
                    let (loss, accuracy) = try evaluate(validation, context: context)
                    validationLosses.append(loss)
                    if let accuracy { validationAccuracies.append(accuracy) }
                }
            }
        }
        plot.finish(losses, validation: validationLosses, stepsPerEpoch: stepsPerEpoch)
        let elapsed = ContinuousClock.now - start
        var fields: [(name: String, value: Value)] = [("loss", .tensor(try Tensor(shape: [losses.count], scalars: losses)))]
        if validation != nil {
            fields.append(("val_loss", .tensor(try Tensor(shape: [validationLosses.count], scalars: validationLosses))))
            if !validationAccuracies.isEmpty {
                fields.append(("val_accuracy",
                               .tensor(try Tensor(shape: [validationAccuracies.count], scalars: validationAccuracies))))
            }
        }
        fields.append(("steps", .number(Double(losses.count))))
        fields.append(("seconds", .number(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)))
        return Record(typeName: "train", fields: fields)
    }

    /// One step: forward, loss, gradients on a tape of its own, then the optimizer's update.
    /// Returns the batch's loss.
    private func step(_ indices: ArraySlice<Int>, context: any BuiltinContext) throws -> Double {
        let batch = try data.batch(indices)
        let tape = Tape(control: context.control)
        context.tape = tape
        defer {
            context.tape = nil
            tape.close()
        }
        let parameters = try layers.map { try tape.bind($0, control: context.control) }
        let prediction = try context.call(model, [.tensor(batch.inputs)])
        let value = try context.call(loss, [prediction, Value(tensor: batch.targets)])
        guard let operand = value.operand, operand.value.count == 1 else {
            throw RuntimeError(.type, "train: the loss must return a number, found \(value.typeDescription)")
        }
        guard let traced = operand.trace else {
            throw RuntimeError(.value, "train: the loss does not depend on the model's weights, so there is nothing to learn")
        }
        let leaves = parameters.flatMap { [$0.weight, $0.bias].compactMap { $0 } }
        var gradients = try tape.gradients(of: traced, withRespectTo: leaves)[...]
        let updates = zip(layers, parameters).map { layer, parameter in
            (layer: layer, weight: gradients.removeFirst(), bias: parameter.bias == nil ? nil : gradients.removeFirst())
        }
        try optimizer.step(updates, control: context.control)
        return traced.value.scalars[0]
    }

    /// The loss on `data`, and the accuracy when the model gives N × K scores for N class labels.
    private func evaluate(_ data: TrainingData, context: any BuiltinContext) throws -> (Double, Double?) {
        let prediction = try context.call(model, [.tensor(data.inputs)])
        let value = try context.call(loss, [prediction, Value(tensor: data.targets)])
        guard let loss = value.operand, loss.value.count == 1 else {
            throw RuntimeError(.type, "train: the loss must return a number, found \(value.typeDescription)")
        }
        guard let scores = BoundArguments.tensor(from: prediction), scores.rank == 2, data.targets.rank == 1,
              let accuracy = try? Losses.accuracy(scores, labels: data.targets) else {
            return (loss.value.scalars[0], nil)
        }
        return (loss.value.scalars[0], accuracy)
    }

    /// The error an interrupt becomes: which step the model holds, and how to go on.
    private func interrupted(after completed: Int, of total: Int, epoch: Int) -> RuntimeError {
        let held = completed == 0 ? "its weights from before training (no step completed)"
            : "the weights of step \(completed) of \(total)"
        return RuntimeError(.interrupted, "train was interrupted during step \(completed + 1) (epoch \(epoch + 1) of "
                            + "\(epochs)); the model holds \(held). Call train again to continue.")
    }
}
