import Tensors

/// The messages of learning's errors (docs/language.md, "Learning"): gradients, layers, models, training.
extension RuntimeError {
    static func nestedGradient(_ function: String) -> RuntimeError {
        RuntimeError(.value, "\(function): gradients cannot be nested; grad, value_and_grad and train cannot run "
                     + "inside a function that is being differentiated (only first derivatives are supported)")
    }

    static func notDifferentiable(_ function: String, argument: Int, found value: Value) -> RuntimeError {
        RuntimeError(.type, "\(function): expected a tensor, a number, a layer or a model for argument \(argument) "
                     + "(what the gradient is taken with respect to), found \(value.typeDescription)")
    }

    static func gradientNeedsArguments(_ function: String) -> RuntimeError {
        RuntimeError(.value, "\(function): give the arguments to differentiate with respect to after the function, "
                     + "e.g. \(function)(f, w)")
    }

    static func gradientOfNonNumber(_ function: String, found value: Value) -> RuntimeError {
        RuntimeError(.type, "\(function): the function must return a number (a loss) to be differentiated, "
                     + "found \(value.typeDescription)")
    }

    static func notAFunction(_ function: String, found value: Value) -> RuntimeError {
        RuntimeError(.type, "\(function): expected a function, a layer or a model to differentiate, found \(value.typeDescription)")
    }
}

extension RuntimeError {
    static func fieldNotAssignable(_ name: String, of value: Value, at range: SourceRange) -> RuntimeError {
        if case .layer = value {
            return RuntimeError(.name, "a layer's assignable fields are weight and bias, found '\(name)'", at: range)
        }
        return RuntimeError(.type, "cannot assign to field '\(name)' of \(value.typeDescription); only a layer's weight and bias can be assigned", at: range)
    }

    static func layerFieldValue(_ name: String, of layer: String, found value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "\(layer).\(name) must be assigned a tensor\(name == "bias" ? " or none" : ""), found \(value.typeDescription)", at: range)
    }
}

extension RuntimeError {
    static func modelCall(found: String, at range: SourceRange?) -> RuntimeError {
        RuntimeError(.type, "a model is called on one tensor, model(x), found \(found)", at: range)
    }
}

extension RuntimeError {
    static func untrainableLayer(_ function: String, _ layer: String) -> RuntimeError {
        RuntimeError(.type, "\(function): \(layer) has no weights that gradients reach (conv_layer and dense_layer have); "
                     + "pooling has none, locally_connected and tiled keep a kernel per position or tile")
    }
}
