/// Reading operands on the slow path: unset locals and globals, environments, conditions and
/// operators on anything but two numbers.
extension Evaluator {
    /// The value of an operand: its slot's, or for an unset variable what the name means
    /// instead (see `unsetValue`).
    @inline(__always)
    func value(_ operand: Int32, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws -> Value {
        if let value = slots[operand].pointee { return value }
        return try unsetValue(operand, code, pc, slots, environment)
    }

    /// What an unset variable operand means: a local reads the variables of its name around
    /// it, a global its builtin; otherwise it is a NameError pointing at the name.
    @inline(never)
    func unsetValue(_ operand: Int32, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws -> Value {
        if operand < 0 {
            guard let global = code.externalGlobals[Int(~operand)] else { throw RuntimeError.internalInconsistency }
            if let builtin = global.builtin { return builtin }
            throw undefinedName(global.name, code, slots, environment, at: code.range(of: operand, at: pc))
        }
        let register = Int(operand)
        guard register < code.localNames.count else { throw RuntimeError.internalInconsistency }
        if let value = try firstSet(code.localFallbacks[register], code, slots, environment) { return value }
        throw undefinedName(code.localNames[register], code, slots, environment, at: code.range(of: operand, at: pc))
    }

    /// `a = ` the environment variable of variable site `b`.
    @inline(never)
    func loadEnvironment(_ instruction: Instruction, _ code: FunctionCode, _ slots: Slots, _ environment: Environment?) throws {
        slots[instruction.a].assign(try siteValue(code.variableSites[Int(instruction.b)], code, slots, environment))
    }

    /// The environment variable of variable site `a` `= b`.
    @inline(never)
    func storeEnvironment(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                          _ environment: Environment?) throws {
        let value = try self.value(instruction.b, code, pc, slots, environment)
        try put(value, in: code.siteStorages[Int(instruction.a)], slots, environment)
    }

    /// The value of a variable site: its storage's, else the first set variable of its
    /// fallback chain, else a NameError at the name.
    func siteValue(_ site: VariableSite, _ code: FunctionCode, _ slots: Slots, _ environment: Environment?) throws -> Value {
        if let value = try firstSet([site.storage] + site.fallback, code, slots, environment) { return value }
        throw undefinedName(site.name, code, slots, environment, at: site.range)
    }

    /// The environment `depth` levels out from the running frame's.
    func scope(_ environment: Environment?, _ depth: Int) throws -> Environment {
        guard let environment else { throw RuntimeError.internalInconsistency }
        return environment.outer(depth)
    }

    /// The first set variable of a fallback chain (a global's builtin counts as set).
    func firstSet(_ chain: [VariableStorage], _ code: FunctionCode, _ slots: Slots, _ environment: Environment?) throws -> Value? {
        for storage in chain {
            switch storage {
            case .slot(let operand):
                if let value = slots[operand].pointee { return value }
                if operand < 0, let builtin = code.externalGlobals[Int(~operand)]?.builtin { return builtin }
            case .environment(let depth, let index):
                if let value = try scope(environment, depth)[index] { return value }
            }
        }
        return nil
    }

    /// A NameError for `name`, suggesting the nearest name set in the frame or the session.
    func undefinedName(_ name: String, _ code: FunctionCode, _ slots: Slots, _ environment: Environment?,
                       at range: SourceRange) -> RuntimeError {
        var candidates = code.localNames.indices.compactMap { slots.registers[$0] == nil ? nil : code.localNames[$0] }
        if code.ownsEnvironment, let environment {
            candidates += code.environmentNames.indices.compactMap { environment[$0] == nil ? nil : code.environmentNames[$0] }
        }
        candidates += visibleNames
        return RuntimeError.undefinedName(name, suggestion: NameSuggestion.nearest(to: name, among: candidates), at: range)
    }

    /// Whether the callee operand `a` means exactly the builtin constant `b` (the guard of a
    /// special form).
    @inline(never)
    func isBuiltin(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                   _ environment: Environment?) throws -> Bool {
        // An unset global of the form's name (`del`, `append`) is that builtin.
        if instruction.a < 0, slots[instruction.a].pointee == nil { return true }
        let callee = try value(instruction.a, code, pc, slots, environment)
        guard case .function(let function) = callee, case .function(let expected)? = slots[instruction.b].pointee else { return false }
        return function === expected
    }

    /// `and`/`or` after the left operand: whether it decides the result; a non-bool is a TypeError.
    @inline(never)
    func shortCircuits(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots) throws -> Bool {
        let isAnd = instruction.c == 1
        guard case .bool(let flag)? = slots[instruction.a].pointee else {
            throw RuntimeError.logicalOperand(isAnd ? "and" : "or", slots[instruction.a].pointee ?? Value.none,
                                              side: "left", at: code.ranges[pc])
        }
        return flag != isAnd
    }

    /// `and`/`or` after the right operand: a non-bool is a TypeError.
    @inline(never)
    func requireBool(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots) throws {
        guard case .bool? = slots[instruction.a].pointee else {
            throw RuntimeError.logicalOperand(instruction.c == 1 ? "and" : "or", slots[instruction.a].pointee ?? Value.none,
                                              side: "right", at: code.ranges[pc])
        }
    }

    /// The bool of an `if`/`while` condition operand, or a TypeError.
    @inline(never)
    func condition(_ operand: Int32, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws -> Bool {
        let value = try self.value(operand, code, pc, slots, environment)
        guard case .bool(let flag) = value else { throw RuntimeError.notACondition(value, at: code.ranges[pc]) }
        return flag
    }

    /// Whether `a op b` holds, for a fused test of anything but two numbers: the comparison
    /// must give a bool, as any condition must.
    @inline(never)
    func test(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
              _ environment: Environment?) throws -> Bool {
        let lhs = try value(instruction.a, code, pc, slots, environment)
        let rhs = try value(instruction.b, code, pc, slots, environment)
        let result = try combine(lhs, instruction.operation.testedComparison, rhs, at: code.ranges[pc])
        guard case .bool(let flag) = result else { throw RuntimeError.notACondition(result, at: code.ranges[pc]) }
        return flag
    }

    /// Whether register `a` `op k` holds, `k` the instruction's number (`jumpUnlessLessConstant`,
    /// ...), for anything but a number in the register.
    @inline(never)
    func testConstant(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int,
                      _ slots: Slots, _ environment: Environment?) throws -> Bool {
        let lhs = try value(instruction.a, code, pc, slots, environment)
        let result = try combine(lhs, instruction.operation.testedComparison, .number(instruction.immediate), at: code.ranges[pc])
        guard case .bool(let flag) = result else { throw RuntimeError.notACondition(result, at: code.ranges[pc]) }
        return flag
    }

    /// `a = b op c` of `add`, `subtract`, `multiply`, the specialised arithmetic (of registers,
    /// or `a = b op k` with `k` the instruction's number) and `returnSum`, for anything but
    /// two numbers.
    @inline(never)
    func binarySpecialised(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                           _ environment: Environment?) throws {
        let operation: BinaryOperator
        switch instruction.operation {
        case .add, .addRegisters, .addConstant, .returnSum: operation = .add
        case .subtract, .subtractRegisters, .subtractConstant: operation = .subtract
        case .multiply, .multiplyRegisters, .multiplyConstant: operation = .multiply
        default: operation = .divide
        }
        let lhs = try value(instruction.b, code, pc, slots, environment)
        let rhs = instruction.operation.hasImmediate ? .number(instruction.immediate) : try value(instruction.c, code, pc, slots, environment)
        slots[instruction.a].assign(try combine(lhs, operation, rhs, at: code.ranges[pc]))
    }

    /// `a = -b`, `a = not b`, the general way.
    @inline(never)
    func unary(_ operation: UnaryOperator, _ instruction: Instruction, _ code: FunctionCode, _ pc: Int,
               _ slots: Slots, _ environment: Environment?) throws {
        let operand = try value(instruction.b, code, pc, slots, environment)
        slots[instruction.a].assign(try unary(operation, operand, at: code.ranges[pc]))
    }

    /// `a = b op c` for anything but two numbers (and for the operators without a fast path).
    @inline(never)
    func binary(_ operation: BinaryOperator, _ instruction: Instruction, _ code: FunctionCode, _ pc: Int,
                _ slots: Slots, _ environment: Environment?) throws {
        let lhs = try value(instruction.b, code, pc, slots, environment)
        let rhs = try value(instruction.c, code, pc, slots, environment)
        slots[instruction.a].assign(try combine(lhs, operation, rhs, at: code.ranges[pc]))
    }
}
