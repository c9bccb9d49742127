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
                return try invoke(user, positional: positional, named: named)
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

    private func invoke(_ function: UserFunction, positional: [Value], named: [ArgumentBinder.Named]) throws -> Value {
        let frame = Frame(layout: function.code.layout)
        try bind(function, positional: positional, named: named, into: frame)
        guard callDepth < Evaluator.maximumCallDepth else {
            throw RuntimeError.callDepth(Evaluator.maximumCallDepth, in: function.name)
        }
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
        let parameters = function.parameters
        // Positional arguments with defaults for the rest need no name matching.
        if named.isEmpty, positional.count <= parameters.count,
           parameters[positional.count...].allSatisfy({ $0.defaultValue != nil }) {
            for index in parameters.indices {
                frame.slots[index] = index < positional.count ? positional[index] : parameters[index].defaultValue
            }
            return
        }
        let bound = try ArgumentBinder(callee: function).bind(positional: positional, named: named)
        for (index, parameter) in parameters.enumerated() {
            frame.slots[index] = bound.values[parameter.name]
        }
    }

    /// A layer is called on one tensor: `conv_layer(3)(x)`.
    private func apply(_ layer: Layer, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        guard named.isEmpty, positional.count == 1, let input = BoundArguments.tensor(from: positional[0]) else {
            let found = positional.count == 1 && named.isEmpty ? positional[0].typeDescription : "\(positional.count + named.count) arguments"
            throw RuntimeError.layerCall(found: found, at: range)
        }
        return Value(tensor: try catchingTensorErrors(at: range) { try layer(input) })
    }
}
