import Learning
import Tensors

/// Calling a model: its steps in order on one input (docs/language.md, "Learning").
extension Evaluator {
    /// `model(x)`: each step applied to the previous one's result.
    func apply(_ model: Model, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        guard named.isEmpty, positional.count == 1, positional[0].operand != nil else {
            let found = positional.count == 1 && named.isEmpty ? positional[0].typeDescription : "\(positional.count + named.count) arguments"
            throw RuntimeError.modelCall(found: found, at: range)
        }
        var value = positional[0]
        for step in model.steps {
            value = try call(step, positional: [value], named: [], at: range)
        }
        return value
    }
}
