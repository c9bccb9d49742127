import Learning
import Tensors
import WholeNumbers

/// A call's arguments matched to the callee's parameters, with typed accessors whose errors
/// name the function and parameter and say what was expected and what was found.
public struct BoundArguments: Sendable {
    /// The function being called, for error messages.
    public let functionName: String
    /// Each non-variadic parameter's value (given or default); absent when optional and missing.
    public var values: ArgumentValues
    /// The positional arguments collected by a variadic parameter.
    public var variadic: [Value]
    /// The session's control, when the arguments come from a call (a range argument turned
    /// into a tensor is allocated under its cap).
    public var control: ExecutionControl?
    /// The named arguments collected by a `.keywords` parameter, in call order.
    public var keywords: [(name: String, value: Value)] = []

    /// Creates bound arguments.
    public init(functionName: String, values: ArgumentValues, variadic: [Value] = [], control: ExecutionControl? = nil) {
        self.functionName = functionName
        self.values = values
        self.variadic = variadic
        self.control = control
    }

    /// The raw value of `name`; `.none` when it was not given and has no default.
    public func value(_ name: String) -> Value { values[name] ?? .none }

    /// Whether `name` was given (or defaulted) with a value other than `none`.
    public func has(_ name: String) -> Bool {
        if case .none = value(name) { return false }
        return true
    }

    /// A type error for parameter `name`: "conv2d: expected a tensor for 'x', found a string".
    public func typeError(_ name: String, expected: String, found: Value) -> RuntimeError {
        RuntimeError(.type, "\(functionName): expected \(expected) for '\(name)', found \(found.typeDescription)")
    }

    /// A value error for parameter `name`.
    public func valueError(_ name: String, _ message: String) -> RuntimeError {
        RuntimeError(.value, "\(functionName): '\(name)' \(message)")
    }

    /// `name` as a Double.
    public func number(_ name: String) throws -> Double {
        let raw = value(name)
        switch raw {
        case .number(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .tensor(let tensor) where tensor.count == 1 && tensor.rank == 0: return tensor.scalars[0]
        case .traced(let traced) where traced.value.rank == 0: return traced.value.scalars[0]
        default: throw typeError(name, expected: "a number", found: raw)
        }
    }

    /// `name` as an integer; a number with a fractional part is a ValueError.
    public func integer(_ name: String) throws -> Int {
        try BoundArguments.integer(try number(name), name: name, in: self)
    }

    /// `name` as a string.
    public func string(_ name: String) throws -> String {
        let raw = value(name)
        guard case .string(let text) = raw else { throw typeError(name, expected: "a string", found: raw) }
        return text
    }

    /// `name` as a bool.
    public func bool(_ name: String) throws -> Bool {
        let raw = value(name)
        guard case .bool(let flag) = raw else { throw typeError(name, expected: "a bool", found: raw) }
        return flag
    }

    /// `name` as a tensor; numbers become rank-0 tensors and lists/tuples of numbers rank 1.
    public func tensor(_ name: String) throws -> Tensor {
        let raw = value(name)
        guard let tensor = try BoundArguments.tensor(from: raw, control: control) else {
            throw typeError(name, expected: "a tensor", found: raw)
        }
        return tensor
    }

    /// `name` as a list of integers: from a number, a tuple/list of numbers or a rank-1 tensor.
    public func integers(_ name: String) throws -> [Int] {
        try BoundArguments.integers(from: value(name), name: name, in: self)
    }

    /// The variadic arguments as integers (`zeros(2, 3)`), also accepting one tuple (`zeros((2, 3))`).
    public func variadicIntegers(_ name: String) throws -> [Int] {
        if variadic.count == 1, case .tuple = variadic[0] {
            return try BoundArguments.integers(from: variadic[0], name: name, in: self)
        }
        if variadic.count == 1, case .list = variadic[0] {
            return try BoundArguments.integers(from: variadic[0], name: name, in: self)
        }
        return try variadic.map { item in
            guard case .number(let number) = item else {
                throw typeError(name, expected: "whole numbers", found: item)
            }
            return try BoundArguments.integer(number, name: name, in: self)
        }
    }

    /// Converts numbers, bools, tensors, uniform lists/tuples of numbers and (given a control to
    /// allocate under) ranges to a tensor.
    public static func tensor(from value: Value, control: ExecutionControl?) throws -> Tensor? {
        guard case .range(let numbers) = value else { return tensor(from: value) }
        guard let control else { return nil }
        try control.checkAllocation(numbers.count)
        return Tensor(vector: numbers.values)
    }

    /// Converts numbers, bools, tensors and uniform lists/tuples of numbers to a tensor; a
    /// traced tensor gives its value (a constant: builtins without a gradient see this).
    public static func tensor(from value: Value) -> Tensor? {
        switch value {
        case .tensor(let tensor): return tensor
        case .traced(let traced): return traced.value
        case .number(let number): return Tensor(scalar: number)
        case .bool(let flag): return Tensor(scalar: flag ? 1 : 0)
        case .tuple(let items), .list(let items):
            var numbers: [Double] = []
            numbers.reserveCapacity(items.count)
            for item in items {
                guard case .number(let number) = item else { return nil }
                numbers.append(number)
            }
            return try? Tensor(shape: [numbers.count], scalars: numbers)
        default: return nil
        }
    }

    private static func integers(from value: Value, name: String, in arguments: BoundArguments) throws -> [Int] {
        switch value {
        case .number(let number):
            return [try integer(number, name: name, in: arguments)]
        case .tuple, .list, .tensor:
            guard let tensor = tensor(from: value), tensor.rank <= 1 else {
                throw arguments.typeError(name, expected: "whole numbers", found: value)
            }
            return try tensor.scalars.map { try integer($0, name: name, in: arguments) }
        default:
            throw arguments.typeError(name, expected: "whole numbers", found: value)
        }
    }

    private static func integer(_ number: Double, name: String, in arguments: BoundArguments) throws -> Int {
        guard let whole = number.wholeNumber else {
            throw arguments.valueError(name, "must be a whole number, found \(number)")
        }
        return whole
    }
}
