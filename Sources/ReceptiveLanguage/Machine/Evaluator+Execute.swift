import Tensors

/// The machine's loop: runs one frame of compiled code.
extension Evaluator {
    /// Runs `code` in a frame whose registers start at `base` (its parameters already there)
    /// and returns what it returns. `captured` is the environment of the function's definition.
    /// Calls from the code to user functions run inside the same loop.
    func execute(_ code: FunctionCode, base: Int, captured: Environment?) throws -> Value {
        guard machine.hasRoomForFrame else {
            throw RuntimeError.callDepth(Evaluator.maximumCallDepth, in: code.name)
        }
        return try withExtendedLifetime((code, captured)) {
            // The parameters were written by Swift code (a cell, a builtin calling back).
            let frame = machine.pushFrame(.passUnretained(code), base: base, captured: captured.map { .passUnretained($0) },
                                          holdsReferences: true)
            defer { machine.popFrame() }
            return try run(frame)
        }
    }

    // The dispatch loop keeps the operations that dominate scalar code inline (number
    // arithmetic and tests, jumps, loops, element reads, calls and returns of user
    // functions): with every operation inline, the loop grew so large that the register
    // allocator spilled and reloaded a dozen values around every dispatch (callgrind: 83
    // instructions per operation of a counting loop; about 40 with the rest behind `perform`).
    // A call of a user function pushes a frame and carries on in the same loop, so it costs no
    // Swift call; `return` pops it. Slow paths are calls into the other files; each marks the
    // frame as possibly holding references first (`Machine.Frame.holdsReferences`), since
    // only the fast paths are known to write nothing but numbers and bools.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func run(_ entry: UnsafeMutablePointer<Machine.Frame>) throws -> Value {
        // Only the frame pointer, the program, the counter and the slot tables are kept: the
        // code, the base and the environment are read from the frame where a slow path needs
        // them, so they do not occupy registers across the loop.
        var frame = entry
        var program = frame.pointee.instructions
        var slots = Slots(registers: machine.registers + frame.pointee.base, externals: frame.pointee.externals)
        var pc = 0
        do {
            while true {
                // Operands are read where they are used, through the pointer, so that no decoded
                // operand stays live across the loop.
                let instruction = program + pc
                pc &+= 1
                switch instruction.pointee.operation {
                case .copy:
                    switch slots[instruction.pointee.b].pointee {
                    case .number(let number)?: slots[instruction.pointee.a].setNumber(number)
                    case .some(.none): slots[instruction.pointee.a].assign(.none)
                    default:
                        frame.pointee.holdsReferences = true
                        try copy(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                case .add, .subtract, .multiply:
                    // One case for the three (of slots that may be globals or constants), which
                    // tells them apart when it computes: with a case each, the loop was too large
                    // for `jumpUnlessLessConstant` to have a case of its own (see there).
                    if case .number(let x)? = slots[instruction.pointee.b].pointee, case .number(let y)? = slots[instruction.pointee.c].pointee {
                        slots[instruction.pointee.a].setNumber(instruction.pointee.arithmetic(x, y))
                    } else {
                        frame.pointee.holdsReferences = true
                        try binarySpecialised(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                case .addRegisters, .subtractRegisters, .multiplyRegisters, .divideRegisters:
                    if case .number(let x)? = slots.registers[Int(instruction.pointee.b)],
                       case .number(let y)? = slots.registers[Int(instruction.pointee.c)] {
                        (slots.registers + Int(instruction.pointee.a)).setNumber(instruction.pointee.arithmetic(x, y))
                    } else {
                        frame.pointee.holdsReferences = true
                        try binarySpecialised(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                case .addConstant, .subtractConstant, .multiplyConstant, .divideConstant:
                    if case .number(let x)? = slots.registers[Int(instruction.pointee.b)] {
                        (slots.registers + Int(instruction.pointee.a)).setNumber(instruction.pointee.arithmetic(x, instruction.pointee.immediate))
                    } else {
                        frame.pointee.holdsReferences = true
                        try binarySpecialised(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                case .jump:
                    pc = Int(instruction.pointee.a)
                case .jumpIfFalse:
                    switch slots[instruction.pointee.a].pointee {
                    case .bool(true)?: break
                    case .bool(false)?: pc = Int(instruction.pointee.b)
                    default:
                        if try !condition(instruction.pointee.a, frame.pointee.function, pc &- 1, slots, frame.pointee.scope) { pc = Int(instruction.pointee.b) }
                    }
                case .jumpUnlessLess, .jumpUnlessLessEqual, .jumpUnlessGreater, .jumpUnlessGreaterEqual, .jumpUnlessEqual,
                     .jumpUnlessNotEqual:
                    // One case for the six tests of two slots, as for the tests against a
                    // constant below: with a case each (and `returnSum` added), the loop was too
                    // large for the optimizer to inline `Array.count` in element reads and
                    // `Tensor.append` (callgrind: the correlation 29.3 M, append 22.8 M; 27.0 M
                    // and 20.3 M with this case).
                    if case .number(let x)? = slots[instruction.pointee.a].pointee, case .number(let y)? = slots[instruction.pointee.b].pointee {
                        if !instruction.pointee.holds(x, y) { pc = Int(instruction.pointee.c) }
                    } else if try !test(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope) {
                        pc = Int(instruction.pointee.c)
                    }
                case .jumpUnlessLessConstant:
                    // `n < 2`, `i < 10`: the usual test of recursion and loops, a case of its own
                    // (in the case below, telling the six tests apart cost ~7 instructions: `fib`
                    // 13.1 M → 12.7 M, and 12.4 M with `add`, `subtract`, `multiply` folded to
                    // make room).
                    if case .number(let x)? = slots.registers[Int(instruction.pointee.a)] {
                        if !(x < instruction.pointee.immediate) { pc = Int(instruction.pointee.b) }
                    } else if try !testConstant(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope) {
                        pc = Int(instruction.pointee.b)
                    }
                case .jumpUnlessLessEqualConstant, .jumpUnlessGreaterConstant,
                     .jumpUnlessGreaterEqualConstant, .jumpUnlessEqualConstant, .jumpUnlessNotEqualConstant:
                    // One case for the other five, which tells them apart when it compares: with a
                    // case each (and each arithmetic form), the loop grew past the size where the
                    // optimizer inlines what is not marked always-inline (`Array.count` of a
                    // vector's rank and `isInterruptRequested` became calls: ~10 instructions
                    // more of every number appended).
                    if case .number(let x)? = slots.registers[Int(instruction.pointee.a)] {
                        if !instruction.pointee.holds(x, instruction.pointee.immediate) { pc = Int(instruction.pointee.b) }
                    } else if try !testConstant(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope) {
                        pc = Int(instruction.pointee.b)
                    }
                case .next:
                    let state = slots.registers + Int(instruction.pointee.a)
                    guard case .number(let index)? = state[1], case .number(let count)? = state[2], index < count else { continue }
                    // The counter holds a number, which owns nothing: overwritten without the check.
                    (state + 1).initialize(to: .number(index + 1))
                    // `checkInterrupt` is always inlined; `isInterruptRequested` was left a call
                    // (with registers saved around it) once the loop grew. Its TensorError
                    // becomes the same RuntimeError in `decorated`.
                    try control.checkInterrupt()
                    if state.pointee == nil, case .number(let start)? = state[3], case .number(let delta)? = state[4] {
                        slots[instruction.pointee.b].setNumber(start + index * delta)
                    } else {
                        frame.pointee.holdsReferences = true
                        try nextItem(instruction.pointee, index: Int(index), frame.pointee.function, pc &- 1, slots)
                    }
                    pc = Int(instruction.pointee.c)
                case .element:
                    if case .number(let index)? = slots[instruction.pointee.c].pointee,
                       let number = slots[instruction.pointee.b].element(index) {
                        slots[instruction.pointee.a].setNumber(number)
                    } else {
                        frame.pointee.holdsReferences = true
                        try element(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                case .element2:
                    if case .number(let row)? = slots[instruction.pointee.c].pointee,
                       case .number(let column)? = slots[instruction.pointee.d].pointee,
                       let number = slots[instruction.pointee.b].element(row, column) {
                        slots[instruction.pointee.a].setNumber(number)
                    } else {
                        frame.pointee.holdsReferences = true
                        try element2(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                case .call:
                    if let callee = slots[instruction.pointee.b].userFunction(userFunctionType),
                       Int(instruction.pointee.d) <= callee._withUnsafeGuaranteedRef(\.parameterCount) {
                        // The callee stays alive in its slot while it runs (see `Machine.Frame`).
                        frame.pointee.pc = pc
                        let base = frame.pointee.base &+ Int(instruction.pointee.c)
                        let given = Int(instruction.pointee.d)
                        // Defaults may own memory; so may arguments that are not numbers.
                        // The arguments are registers of this frame, so when it holds no
                        // references neither do they, and they need no look (~12 instructions
                        // of each call of `fib`).
                        let holdsReferences = try prepareCall(callee, base: base, given: given)
                            || frame.pointee.holdsReferences && machine.anyOwns(from: base, count: given)
                        // Unowned, not a closure over the guaranteed reference: the optimizer left
                        // that closure out of line (callgrind: ~30 instructions of every call).
                        unowned(unsafe) let function = callee.takeUnretainedValue()
                        frame = machine.pushFrame(function.codeHandle, base: base, captured: function.environmentHandle,
                                                  holdsReferences: holdsReferences)
                        callDepth &+= 1
                        program = frame.pointee.instructions
                        slots = Slots(registers: machine.registers + base, externals: frame.pointee.externals)
                        pc = 0
                    } else {
                        frame.pointee.holdsReferences = true
                        try call(instruction.pointee, frame, pc, slots)
                        slots.registers = machine.registers + frame.pointee.base
                    }
                case .appendInPlace:
                    // A number appended to a vector in a register or a global (a list built in
                    // a loop) is kept inline: through `perform` it cost a call and retains.
                    if !(try appendNumber(instruction.pointee, frame, slots)) {
                        frame.pointee.holdsReferences = true
                        pc = try perform(instruction.pointee, at: pc, frame, slots)
                        slots.registers = machine.registers + frame.pointee.base
                    } else {
                        pc = Int(instruction.pointee.d)
                    }
                case .collect:
                    if case .number(let number)? = slots[instruction.pointee.b].pointee,
                       collectNumber(number, into: slots.registers + Int(instruction.pointee.a)) {
                        break
                    }
                    frame.pointee.holdsReferences = true
                    pc = try perform(instruction.pointee, at: pc, frame, slots)
                    slots.registers = machine.registers + frame.pointee.base
                case .returnSum:
                    if case .number(let x)? = slots.registers[Int(instruction.pointee.b)],
                       case .number(let y)? = slots.registers[Int(instruction.pointee.c)] {
                        // Added before the frame ends: one number to keep across it, not two.
                        let sum = x + y
                        if frame != entry {
                            resumeCaller(&frame, &program, &pc, &slots)
                            slots[program[pc &- 1].a].setNumber(sum)
                            continue
                        }
                        (slots.registers + Int(instruction.pointee.a)).setNumber(sum)
                    } else {
                        frame.pointee.holdsReferences = true
                        try binarySpecialised(instruction.pointee, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                    // The sum is in register `a`: returned as `return a` returns it.
                    fallthrough
                case .return:
                    // A number returned between user functions goes from register to register
                    // as a Double, with nothing to release: moving the whole value out and in
                    // cost ~15 instructions more.
                    if instruction.pointee.a >= 0, frame != entry,
                       case .number(let number)? = slots.registers[Int(instruction.pointee.a)] {
                        resumeCaller(&frame, &program, &pc, &slots)
                        slots[program[pc &- 1].a].setNumber(number)
                        continue
                    }
                    let result: Value
                    if instruction.pointee.a >= 0, let value = slots[instruction.pointee.a].take() {
                        result = value
                    } else {
                        result = try value(instruction.pointee.a, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
                    }
                    if frame == entry { return result }
                    resumeCaller(&frame, &program, &pc, &slots)
                    frame.pointee.holdsReferences = true
                    slots[program[pc &- 1].a].assign(result)
                case .statement:
                    // Only where a debugger could stop here does the marker leave the loop (see
                    // CellDebugging.mayStop).
                    guard debugging.mayStop else { continue }
                    frame.pointee.holdsReferences = true
                    pc = try perform(instruction.pointee, at: pc, frame, slots)
                    slots.registers = machine.registers + frame.pointee.base
                // Every other operation, named rather than a `default`: with a `default` the
                // switch compared the operation with the largest case before every dispatch (2
                // of ~12 instructions); an exhaustive switch jumps through its table unchecked.
                case .move, .loadEnvironment, .storeEnvironment, .divide, .floorDivide, .remainder, .power, .matmul,
                     .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .negate, .not, .shortCircuit,
                     .requireBool, .jumpUnlessBuiltin, .loop, .iterate, .iterateCall, .callNamed, .makeFunction,
                     .buildList, .buildTuple, .startCollecting, .finishCollecting, .unpack, .field, .index, .storeIndex,
                     .storeElement2, .storeField, .delete:
                    frame.pointee.holdsReferences = true
                    pc = try perform(instruction.pointee, at: pc, frame, slots)
                    slots.registers = machine.registers + frame.pointee.base
                }
            }
        } catch {
            let failure = decorated(error, code: frame.pointee.function, at: pc &- 1)
            // Calls made inside this loop end here; the entry frame is its caller's to end.
            while frame != entry {
                machine.popFrame()
                callDepth &-= 1
                frame -= 1
            }
            throw failure
        }
    }

    /// Ends the innermost call made inside the loop and resumes its caller: the caller's
    /// frame, instructions, position and slots.
    @inline(__always)
    private func resumeCaller(_ frame: inout UnsafeMutablePointer<Machine.Frame>, _ program: inout UnsafeMutablePointer<Instruction>,
                              _ pc: inout Int, _ slots: inout Slots) {
        machine.popFrame()
        callDepth &-= 1
        frame -= 1
        program = frame.pointee.instructions
        pc = frame.pointee.pc
        slots = Slots(registers: machine.registers + frame.pointee.base, externals: frame.pointee.externals)
    }

    /// `append(x, n)` of a number to a vector held by a register or a global while `append`
    /// is the builtin (an unset global); false when anything else is the case.
    @inline(__always)
    private func appendNumber(_ instruction: Instruction, _ frame: UnsafeMutablePointer<Machine.Frame>, _ slots: Slots) throws -> Bool {
        guard instruction.c < 0, slots[instruction.c].pointee == nil,
              case .number(let number)? = slots[instruction.b].pointee,
              case .slot(let operand) = frame.pointee.code._withUnsafeGuaranteedRef({ $0.siteStorages[Int(instruction.a)] })
        else { return false }
        return slots[operand].appendToVector(number, cap: control.maxElements)
    }

    /// A number collected by a comprehension while its items are all numbers; false otherwise.
    @inline(__always)
    private func collectNumber(_ number: Double, into accumulator: UnsafeMutablePointer<Value?>) -> Bool {
        accumulator.appendToVector(number, cap: control.maxElements)
    }

    /// Checks before a call of a user function whose first `given` parameters are in the
    /// registers from `base`, and fills the rest with their defaults; returns whether it did
    /// (a default may own memory).
    @inline(__always)
    private func prepareCall(_ callee: Unmanaged<UserFunction>, base: Int, given: Int) throws -> Bool {
        guard callDepth < Evaluator.maximumCallDepth, machine.hasRoomForFrame else {
            throw RuntimeError.callDepth(Evaluator.maximumCallDepth, in: callee.takeUnretainedValue().name)
        }
        try control.checkInterrupt()
        if given < callee._withUnsafeGuaranteedRef(\.parameterCount) {
            try fillDefaults(callee.takeUnretainedValue(), base: base, given: given)
            return true
        }
        return false
    }

    /// Every operation the loop does not keep inline; returns where to continue (`pc` is
    /// already past the instruction). The operation may have called out, moving the registers.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    @inline(never)
    private func perform(_ instruction: Instruction, at pc: Int, _ frame: UnsafeMutablePointer<Machine.Frame>,
                         _ slots: Slots) throws -> Int {
        let position = pc &- 1
        frame.pointee.pc = pc
        // Unowned: the frame's code and environment are kept alive by the call (see
        // `Machine.Frame`), and retaining them here cost two retains and releases per operation.
        unowned(unsafe) let code = frame.pointee.function
        let base = frame.pointee.base
        unowned(unsafe) let environment = frame.pointee.scope
        switch instruction.operation {
        case .move:
            slots[instruction.a].assign(slots[instruction.b].take() ?? Value.none)
        case .loadEnvironment:
            try loadEnvironment(instruction, code, slots, environment)
        case .storeEnvironment:
            try storeEnvironment(instruction, code, position, slots, environment)
        case .subtract, .multiply, .add, .copy, .jump, .jumpIfFalse, .next, .element, .element2,
             .call, .return, .returnSum, .jumpUnlessLess, .jumpUnlessLessEqual, .jumpUnlessGreater, .jumpUnlessGreaterEqual,
             .jumpUnlessEqual, .jumpUnlessNotEqual, .addRegisters, .subtractRegisters, .multiplyRegisters, .divideRegisters,
             .addConstant, .subtractConstant, .multiplyConstant, .divideConstant, .jumpUnlessLessConstant, .jumpUnlessLessEqualConstant,
             .jumpUnlessGreaterConstant, .jumpUnlessGreaterEqualConstant, .jumpUnlessEqualConstant, .jumpUnlessNotEqualConstant:
            // Run inline by the loop.
            break
        case .divide:
            // Division and `<` as values are less common than `+`, `-`, `*` and tests; the
            // register and constant forms of `/` are inline (`divideRegisters`, `divideConstant`).
            if case .number(let x)? = slots[instruction.b].pointee, case .number(let y)? = slots[instruction.c].pointee {
                slots[instruction.a].setNumber(x / y)
            } else { try binary(.divide, instruction, code, position, slots, environment) }
        case .less: try compare(.less, instruction, code, position, slots, environment)
        case .floorDivide: try binary(.floorDivide, instruction, code, position, slots, environment)
        case .remainder: try binary(.remainder, instruction, code, position, slots, environment)
        case .power: try binary(.power, instruction, code, position, slots, environment)
        case .matmul: try binary(.matmul, instruction, code, position, slots, environment)
        case .equal: try compare(.equal, instruction, code, position, slots, environment)
        case .notEqual: try compare(.notEqual, instruction, code, position, slots, environment)
        case .lessEqual: try compare(.lessEqual, instruction, code, position, slots, environment)
        case .greater: try compare(.greater, instruction, code, position, slots, environment)
        case .greaterEqual: try compare(.greaterEqual, instruction, code, position, slots, environment)
        case .negate:
            if case .number(let x)? = slots[instruction.b].pointee {
                slots[instruction.a].setNumber(-x)
            } else { try unary(.negate, instruction, code, position, slots, environment) }
        case .not: try unary(.not, instruction, code, position, slots, environment)
        case .shortCircuit:
            if try shortCircuits(instruction, code, position, slots) { return Int(instruction.b) }
        case .requireBool: try requireBool(instruction, code, position, slots)
        case .jumpUnlessBuiltin:
            if try !isBuiltin(instruction, code, position, slots, environment) { return Int(instruction.c) }
        case .loop:
            if control.isInterruptRequested { throw RuntimeError(TensorError.interrupted) }
            return Int(instruction.a)
        case .iterate:
            try startIteration(instruction, code, position, slots, environment)
        case .iterateCall:
            try startIteration(slots.registers + Int(instruction.a), calling: instruction, base: base, code, position, slots, environment)
        case .callNamed:
            let result = try callNamed(instruction, base: base, code, position, slots, environment)
            Slots(registers: machine.registers + base, externals: slots.externals)[instruction.a].assign(result)
        case .makeFunction: slots[instruction.a].assign(makeFunction(instruction, code, slots, environment))
        case .buildList, .buildTuple: try build(instruction, code, position, slots)
        case .startCollecting: slots[instruction.a].assign(.tensor(Tensor.emptyVector))
        case .collect: try collect(instruction, code, position, slots, environment)
        case .finishCollecting:
            slots[instruction.a].assign(try finishCollecting(slots[instruction.b].take(), at: code.ranges[position]))
        case .unpack: try unpack(instruction, code, position, slots, environment)
        case .field: try field(instruction, code, position, slots, environment)
        case .index: try index(instruction, code, position, slots, environment)
        case .storeIndex: try storeIndex(instruction, code, position, slots, environment)
        case .storeElement2: try storeElement2(instruction, code, position, slots, environment)
        case .storeField: try storeField(instruction, code, position, slots, environment)
        case .appendInPlace:
            if try appendInPlace(instruction, code, position, slots, environment) { return Int(instruction.d) }
        case .delete: try delete(instruction, code, position, slots, environment)
        case .statement:
            try statementHook?(self)
        }
        return pc
    }

    /// `copy` of anything but a number: an unset variable reads what its name means instead.
    @inline(never)
    private func copy(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                      _ environment: Environment?) throws {
        slots[instruction.a].assign(try value(instruction.b, code, pc, slots, environment))
    }

    /// A comparison kept out of the loop: numbers first, then the general way.
    private func compare(_ operation: BinaryOperator, _ instruction: Instruction, _ code: FunctionCode, _ pc: Int,
                         _ slots: Slots, _ environment: Environment?) throws {
        if case .number(let x)? = slots[instruction.b].pointee, case .number(let y)? = slots[instruction.c].pointee {
            slots[instruction.a].setBool(Evaluator.compare(x, operation, y) ?? false)
        } else {
            try binary(operation, instruction, code, pc, slots, environment)
        }
    }

    /// `next` of anything but counted numbers: the sequence's item at `index` into slot `b`.
    @inline(never)
    private func nextItem(_ instruction: Instruction, index: Int, _ code: FunctionCode, _ pc: Int, _ slots: Slots) throws {
        let state = slots.registers + Int(instruction.a)
        if case .tensor(let tensor)? = state.pointee, tensor.rank == 1 {
            slots[instruction.b].setNumber(tensor.element(atRowMajorOffset: index))
        } else {
            slots[instruction.b].assign(try item(of: state.pointee, at: index, code, pc))
        }
    }

    /// `call` of anything but a user function taking the arguments given (a builtin, a layer,
    /// a user function given too many arguments): `a = ` slot `b` called with the `d`
    /// registers from `c`.
    @inline(never)
    private func call(_ instruction: Instruction, _ frame: UnsafeMutablePointer<Machine.Frame>, _ pc: Int, _ slots: Slots) throws {
        let base = frame.pointee.base
        frame.pointee.pc = pc
        let result = try callPositional(instruction, base: base, frame.pointee.function, pc &- 1, slots, frame.pointee.scope)
        // The call may have moved the registers.
        Slots(registers: machine.registers + base, externals: slots.externals)[instruction.a].assign(result)
    }

    /// An error leaving a frame, with the range of the instruction that failed when it has
    /// none, and the source of the function when it comes from one.
    @inline(never)
    private func decorated(_ error: any Error, code: FunctionCode, at pc: Int) -> any Error {
        var failure: RuntimeError
        switch error {
        case let error as RuntimeError: failure = error
        case let error as TensorError: failure = RuntimeError(error)
        default: failure = RuntimeError(.io, "\(error)")
        }
        if failure.range == nil { failure.range = code.ranges[pc] }
        // The ranges of a function's body point into the cell that defined it.
        if failure.source == nil, code.isFunction { failure.source = code.source }
        return failure
    }
}
