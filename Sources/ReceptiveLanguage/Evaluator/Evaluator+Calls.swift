import Learning
import Tensors

/// Calls of builtins, user functions and layers.
extension Evaluator {
    /// Calls `callee` with evaluated arguments; errors without a range get the call's.
    func call(_ callee: Value, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        if case .layer(let layer) = callee {
            return try apply(layer, positional: positional, named: named, at: range)
        }
        if case .model(let model) = callee {
            return try apply(model, positional: positional, named: named, at: range)
        }
        guard case .function(let function) = callee else {
            throw RuntimeError.notCallable(callee, at: range)
        }
        do {
            if let user = UserFunction.exactly(function) {
                return try call(user, positional: positional, named: named)
            }
            let builtin: (any NativeCallable)? = Builtin.exactly(function)
            guard let native = builtin ?? function as? any NativeCallable else {
                throw RuntimeError.notCallable(callee, at: range)
            }
            let bound = try ArgumentBinder(callee: function, control: control).bind(positional: positional, named: named)
            return try catchingTensorErrors(at: range) {
                try native.invoke(bound, context: self)
            }
        } catch var error as RuntimeError {
            if error.range == nil { error.range = range }
            throw error
        }
    }

    /// Calls a user function from outside compiled code (a builtin, named arguments): binds
    /// the arguments by name, then runs it in a frame above every active one.
    private func call(_ function: UserFunction, positional: [Value], named: [ArgumentBinder.Named]) throws -> Value {
        let bound = try ArgumentBinder(callee: function).bind(positional: positional, named: named)
        let base = machine.top
        machine.reserve(upTo: base + function.parameters.count)
        for (index, parameter) in function.parameters.enumerated() {
            machine.registers[base + index] = bound.values[parameter.name]
        }
        return try invoke(function, base: base, given: function.parameters.count)
    }

    /// Runs a user function from outside compiled code (a builtin calling it back): its first
    /// `given` parameters are in the registers from `base`, the rest take their defaults.
    /// Errors without a range are the caller's to place.
    func invoke(_ function: UserFunction, base: Int, given: Int) throws -> Value {
        guard callDepth < Evaluator.maximumCallDepth else {
            throw RuntimeError.callDepth(Evaluator.maximumCallDepth, in: function.name)
        }
        // Each such call nests the machine's loop on the thread's stack.
        try checkStack(for: function)
        try checkInterrupt(at: nil)
        if given < function.parameterCount { try fillDefaults(function, base: base, given: given) }
        callDepth += 1
        defer { callDepth -= 1 }
        return try execute(function.code, base: base, captured: function.environment)
    }

    /// Puts the defaults of the parameters after the first `given` into the registers from
    /// `base`; a parameter without one is a TypeError.
    func fillDefaults(_ function: UserFunction, base: Int, given: Int) throws {
        let parameters = function.parameters
        machine.reserve(upTo: base + parameters.count)
        for index in given..<parameters.count {
            guard let fallback = parameters[index].defaultValue else {
                throw RuntimeError.missingArgument(parameters[index].name, of: function)
            }
            machine.registers[base + index] = fallback
        }
    }

    /// `call` of anything but a user function taking the arguments given: the callee slot `b`
    /// with the `d` registers from `c` (moved out of their registers, which the call no longer
    /// needs).
    @inline(never)
    func callPositional(_ instruction: Instruction, base: Int, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                        _ environment: Environment?) throws -> Value {
        let callee = try value(instruction.b, code, pc, slots, environment)
        let first = slots.registers + Int(instruction.c)
        let arguments = (0..<Int(instruction.d)).map { (first + $0).take() ?? Value.none }
        return try call(callee, positional: arguments, named: [], at: code.ranges[pc])
    }

    /// `callNamed`: the callee slot `b` with the registers from `c`, as call site `d` describes.
    @inline(never)
    func callNamed(_ instruction: Instruction, base: Int, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                   _ environment: Environment?) throws -> Value {
        let site = code.callSites[Int(instruction.d)]
        let callee = try value(instruction.b, code, pc, slots, environment)
        let first = slots.registers + Int(instruction.c)
        let positional = (0..<site.positionalCount).map { (first + $0).take() ?? Value.none }
        let named = site.names.enumerated().map { offset, name in
            ArgumentBinder.Named(name: name, value: (first + site.positionalCount + offset).take() ?? Value.none)
        }
        return try call(callee, positional: positional, named: named, at: code.ranges[pc])
    }

    /// `makeFunction`: a function value for prototype `b`, its defaults in the registers from
    /// `c`, capturing the frame's environment.
    @inline(never)
    func makeFunction(_ instruction: Instruction, _ code: FunctionCode, _ slots: Slots, _ environment: Environment?) -> Value {
        makeFunction(code.prototypes[Int(instruction.b)], defaults: slots.registers + Int(instruction.c), environment: environment)
    }

    /// A function value for `prototype`, its defaults read from the registers from `defaults`,
    /// capturing `environment`.
    func makeFunction(_ prototype: FunctionPrototype, defaults: UnsafeMutablePointer<Value?>,
                      environment: Environment?) -> Value {
        var next = 0
        let parameters = prototype.parameterNames.indices.map { index in
            guard prototype.hasDefault[index] else { return Parameter(prototype.parameterNames[index]) }
            defer { next += 1 }
            return Parameter(prototype.parameterNames[index], default: defaults[next] ?? Value.none)
        }
        return .function(UserFunction(name: prototype.code.name, isAnonymous: prototype.isAnonymous,
                                      parameters: parameters, code: prototype.code, environment: environment))
    }

    /// A layer is called on one tensor: `conv_layer(3)(x)`.
    private func apply(_ layer: TrainableLayer, positional: [Value], named: [ArgumentBinder.Named], at range: SourceRange?) throws -> Value {
        guard named.isEmpty, positional.count == 1, let input = positional[0].operand else {
            let found = positional.count == 1 && named.isEmpty ? positional[0].typeDescription : "\(positional.count + named.count) arguments"
            throw RuntimeError.layerCall(found: found, at: range)
        }
        return Value(operand: try catchingTensorErrors(at: range) { try layer.apply(input, tape: tape, control: control) })
    }
}
