import Tensors

/// Calls of builtins and user functions.
extension Evaluator {
    func evaluateCall(_ calleeExpression: Expression, _ arguments: [Argument], at range: SourceRange) throws -> Value {
        if case .variable("del") = calleeExpression.kind, lookup("del").map(isBuiltinDel) == true {
            return try deleteVariables(arguments, at: range)
        }
        let callee = try evaluate(calleeExpression)
        var positional: [Value] = []
        var named: [ArgumentBinder.Named] = []
        for argument in arguments {
            let value = try evaluate(argument.value)
            // The parser guarantees that positional arguments come first.
            if let name = argument.name {
                named.append(.init(name: name, value: value))
            } else {
                positional.append(value)
            }
        }
        return try call(callee, positional: positional, named: named, at: range)
    }

    func call(_ callee: Value, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        if case .layer(let layer) = callee {
            return try apply(layer, positional: positional, named: named, at: range)
        }
        guard case .function(let function) = callee else {
            throw RuntimeError.notCallable(callee, at: range)
        }
        do {
            let bound = try ArgumentBinder(callee: function).bind(positional: positional, named: named)
            if let user = function as? UserFunction {
                return try invoke(user, bound)
            }
            guard let native = function as? any NativeCallable else {
                throw RuntimeError.notCallable(callee, at: range)
            }
            return try catchingTensorErrors(at: range) {
                try native.invoke(bound, context: self)
            }
        } catch var error as RuntimeError {
            if error.range == nil { error.range = range }
            throw error
        }
    }

    private func invoke(_ function: UserFunction, _ arguments: BoundArguments) throws -> Value {
        guard frames.count < Evaluator.maximumCallDepth else {
            throw RuntimeError.callDepth(Evaluator.maximumCallDepth, in: function.name)
        }
        try checkInterrupt(at: nil)
        frames.append(arguments.values)
        defer { frames.removeLast() }
        do {
            if case .returned(let value) = try execute(function.body) { return value }
            return .none
        } catch var error as RuntimeError {
            // The body's ranges point into the cell that defined the function.
            if error.source == nil, error.range != nil { error.source = function.source }
            throw error
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

    private func isBuiltinDel(_ value: Value) -> Bool {
        if case .function(let function) = value { return function is Builtin }
        return false
    }

    /// `del(x, y)` takes names, not values: it removes the variables themselves.
    private func deleteVariables(_ arguments: [Argument], at range: SourceRange) throws -> Value {
        for argument in arguments {
            guard argument.name == nil, case .variable(let name) = argument.value.kind else {
                throw RuntimeError.deleteExpectsNames(at: argument.range)
            }
            guard removeVariable(name) else {
                throw RuntimeError.deleteUndefined(name, at: argument.range)
            }
        }
        return .none
    }

    /// Removes a variable from the current scope; false when it is not defined there.
    func removeVariable(_ name: String) -> Bool {
        if frames.isEmpty { return globals.removeValue(forKey: name) != nil }
        return frames[frames.count - 1].removeValue(forKey: name) != nil
    }
}
