import Tensors

/// The messages of learning's errors (LANGUAGE.md §9): gradients, layers, models, training.
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
