import Tensors

/// Loops: a loop's state lives in five registers from `state`:
/// 0, the sequence (nil while counting numbers); 1, the next position; 2, how many items there
/// are; 3 and 4, the first number and the step between numbers when counting.
extension Evaluator {
    /// The builtins whose loops count without building a tensor or range.
    private static let countingBuiltins = [Builtins.all["range"], Builtins.all["arange"]].compactMap { $0 }

    /// Starts a loop over `sequence`, or throws a TypeError when it has no items.
    func startIteration(_ state: UnsafeMutablePointer<Value?>, over sequence: Value, at range: SourceRange) throws {
        let count: Int
        switch sequence {
        case .tensor(let tensor) where tensor.rank >= 1:
            state[0] = sequence
            count = tensor.shape[0]
        case .list(let items), .tuple(let items):
            state[0] = sequence
            count = items.count
        case .string(let text):
            let characters = text.map { Value.string(String($0)) }
            state[0] = .list(characters)
            count = characters.count
        case .range(let numbers):
            startCounting(state, numbers)
            return
        case .traced(let traced):
            let rows = try tracedRows(traced, at: range)
            state[0] = .list(rows)
            count = rows.count
        default:
            throw RuntimeError.notIterable(sequence, at: range)
        }
        state[1] = .number(0)
        state[2] = .number(Double(count))
    }

    /// `iterate`: starts a loop over slot `b` into the state registers from `a`.
    @inline(never)
    func startIteration(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                        _ environment: Environment?) throws {
        let sequence = try value(instruction.b, code, pc, slots, environment)
        try startIteration(slots.registers + Int(instruction.a), over: sequence, at: code.ranges[pc])
    }

    /// `iterateCall`: starts a loop over callee slot `b` called with the registers from `c`
    /// (`d` counts them, plus 256 when the last one is named `step`). `range(...)` and
    /// `arange(...)` of numbers count without building anything; any other call runs, and its
    /// value is iterated.
    @inline(never)
    func startIteration(_ state: UnsafeMutablePointer<Value?>, calling instruction: Instruction, base: Int,
                        _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws {
        let count = Int(instruction.d) & 0xFF
        let namedStep = instruction.d >= 256
        let arguments = slots.registers + Int(instruction.c)
        // An unset global `range`/`arange` is the builtin (the compiler emits this only for those names).
        let isCounting = instruction.b < 0 && slots[instruction.b].pointee == nil
        if isCounting, let numbers = countingArguments(arguments, count: count, namedStep: namedStep) {
            startCounting(state, numbers)
            return
        }
        let callee = try value(instruction.b, code, pc, slots, environment)
        if !isCounting, case .function(let function) = callee, Evaluator.countingBuiltins.contains(where: { $0 === function }),
           let numbers = countingArguments(arguments, count: count, namedStep: namedStep) {
            startCounting(state, numbers)
            return
        }
        let positional = (0..<count - (namedStep ? 1 : 0)).map { arguments[$0] ?? Value.none }
        let named = namedStep ? [ArgumentBinder.Named(name: "step", value: arguments[count - 1] ?? Value.none)] : []
        let sequence = try call(callee, positional: positional, named: named, at: code.ranges[pc])
        // The call may have moved the registers.
        try startIteration(machine.registers + base + (state - slots.registers), over: sequence, at: code.ranges[pc])
    }

    /// The numbers `range`/`arange` count with these arguments, or nil when the call must run
    /// (to report its error, or because an argument is not a number).
    private func countingArguments(_ arguments: UnsafeMutablePointer<Value?>, count: Int, namedStep: Bool) -> NumberRange? {
        var numbers = (0.0, 0.0, 1.0)
        for index in 0..<count {
            guard case .number(let number)? = arguments[index] else { return nil }
            switch index {
            case 0: numbers.0 = number
            case 1: numbers.1 = number
            default: numbers.2 = number
            }
        }
        // The step is the third number, or the second when it is named (`arange(5, step: 2)`).
        let bounds = namedStep ? count - 1 : count
        if namedStep && count == 2 { numbers.2 = numbers.1 }
        switch bounds {
        case 1: return try? NumberRange(start: 0, stop: numbers.0, step: numbers.2)
        case 2: return try? NumberRange(start: numbers.0, stop: numbers.1, step: numbers.2)
        case 3 where !namedStep: return try? NumberRange(start: numbers.0, stop: numbers.1, step: numbers.2)
        default: return nil
        }
    }

    // The state registers usually hold the numbers of the loop's previous run: written through
    // the slot setters they are simply overwritten (assigned, each old value went through the
    // outlined destroy of a value, five calls of every inner loop's start).
    private func startCounting(_ state: UnsafeMutablePointer<Value?>, _ numbers: NumberRange) {
        if state.ownsNothing { state.initialize(to: nil) } else { state.pointee = nil }
        (state + 1).setNumber(0)
        (state + 2).setNumber(Double(numbers.count))
        (state + 3).setNumber(numbers.start)
        (state + 4).setNumber(numbers.delta)
    }

    /// The item at `index` of a loop's sequence (numbers of a vector take a faster path).
    @inline(never)
    func item(of sequence: Value?, at index: Int, _ code: FunctionCode, _ pc: Int) throws -> Value {
        switch sequence {
        case .tensor(let tensor)?:
            if tensor.rank == 1 { return .number(tensor.element(atRowMajorOffset: index)) }
            return try slice(tensor, at: index, range: code.ranges[pc])
        case .list(let items)?, .tuple(let items)?:
            return items[index]
        default:
            throw RuntimeError.internalInconsistency
        }
    }

    /// The `index`th item along the first axis of `tensor`.
    func slice(_ tensor: Tensor, at index: Int, range: SourceRange) throws -> Value {
        Value(tensor: try catchingTensorErrors(at: range) { try tensor.subscripted([.index(index)], control: control) })
    }

    /// `unpack`: takes slot `b` apart into the `c` registers from `a`.
    @inline(never)
    func unpack(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws {
        let packed = try value(instruction.b, code, pc, slots, environment)
        try unpack(packed, into: slots.registers + Int(instruction.a), count: Int(instruction.c), at: code.ranges[pc])
    }

    /// Takes `packed` apart into `count` registers: `a, b = pair`, `for i, x in enumerate(xs)`.
    func unpack(_ packed: Value, into registers: UnsafeMutablePointer<Value?>, count: Int, at range: SourceRange) throws {
        guard let items = try items(of: packed, at: range) else {
            throw RuntimeError.cannotUnpack(packed, into: count, at: range)
        }
        guard items.count == count else {
            throw RuntimeError.unpackCount(expected: count, found: items.count, at: range)
        }
        for (index, item) in items.enumerated() { registers[index] = item }
    }

    /// The items a loop over `value` would see, or nil when it has none (a number, a record...).
    func items(of value: Value, at range: SourceRange?) throws -> [Value]? {
        try catchingTensorErrors(at: range) { try value.items(control: control) }
    }

    /// Stops the cell when its session was asked to. `Session.requestInterrupt` sets this flag
    /// as well as the tensor core's, so loops need not also read the process-wide one.
    func checkInterrupt(at range: SourceRange?) throws {
        if control.isInterruptRequested {
            throw RuntimeError(TensorError.interrupted, at: range)
        }
    }
}
