import Tensors

/// Calls of builtins, user functions and layers.
extension Evaluator {
    /// Calls `callee` with evaluated arguments; errors without a range get the call's.
    func call(_ callee: Value, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        if case .layer(let layer) = callee {
            return try apply(layer, positional: positional, named: named, at: range)
        }
        guard case .function(let function) = callee else {
            throw RuntimeError.notCallable(callee, at: range)
        }
        do {
            if let user = function as? UserFunction {
                let frame = Frame.make(user.code.layout)
                try bind(user, positional: positional, named: named, into: frame)
                return try run(user, in: frame)
            }
            guard let native = function as? any NativeCallable else {
                throw RuntimeError.notCallable(callee, at: range)
            }
            let bound = try ArgumentBinder(callee: function).bind(positional: positional, named: named)
            return try catchingTensorErrors(at: range) {
                try native.invoke(bound, context: self)
            }
        } catch var error as RuntimeError {
            if error.range == nil { error.range = range }
            throw error
        }
    }

    /// Runs a user function whose first `given` parameters are already in `frame`: the rest
    /// take their defaults; errors without a range get the call's.
    func invoke(_ function: UserFunction, in frame: Frame, given: Int, at range: SourceRange) throws -> Value {
        do {
            let parameters = function.parameters
            for index in given..<parameters.count {
                guard let fallback = parameters[index].defaultValue else {
                    throw RuntimeError.missingArgument(parameters[index].name, of: function)
                }
                frame.slots[index] = fallback
            }
            return try run(function, in: frame)
        } catch var error as RuntimeError {
            if error.range == nil { error.range = range }
            throw error
        }
    }

    private func run(_ function: UserFunction, in frame: Frame) throws -> Value {
        guard callDepth < Evaluator.maximumCallDepth else {
            throw RuntimeError.callDepth(Evaluator.maximumCallDepth, in: function.name)
        }
        try checkStack(for: function)
        try checkInterrupt(at: nil)
        callDepth += 1
        defer { callDepth -= 1 }
        do {
            if case .returned(let value) = try function.code.body(self, frame) { return value }
            return .none
        } catch var error as RuntimeError {
            // The body's ranges point into the cell that defined the function.
            if error.source == nil, error.range != nil { error.source = function.source }
            throw error
        }
    }

    /// Puts the arguments in the parameters' slots (the first ones of the frame).
    private func bind(_ function: UserFunction, positional: [Value], named: [ArgumentBinder.Named], into frame: Frame) throws {
        let bound = try ArgumentBinder(callee: function).bind(positional: positional, named: named)
        for (index, parameter) in function.parameters.enumerated() {
            frame.slots[index] = bound.values[parameter.name]
        }
    }

    /// A layer is called on one tensor: `conv_layer(3)(x)`.
    private func apply(_ layer: Layer, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        guard named.isEmpty, positional.count == 1, let input = BoundArguments.tensor(from: positional[0]) else {
            let found = positional.count == 1 && named.isEmpty ? positional[0].typeDescription : "\(positional.count + named.count) arguments"
            throw RuntimeError.layerCall(found: found, at: range)
        }
        return Value(tensor: try catchingTensorErrors(at: range) { try layer(input, control: control) })
    }
}
