/// `x = e`, `x op= e`, `a, b = e` and `x[i, j] = e`.
extension Compiler {
    /// Compiles an assignment.
    func assignment(_ target: AssignmentTarget, operation: BinaryOperator?, value: Expression) throws {
        switch target {
        case .variable(let name, let range):
            if let operation {
                try compound(name, operation, value, at: range)
            } else {
                try assign(value, to: name, at: range)
            }
        case .unpacked(let variables):
            let mark = builder.mark
            let packed = try place(value)
            let first = builder.allocate(variables.names.count)
            emit(Instruction(.unpack, first, packed.operand, Int32(variables.names.count)), at: value.range, reading: [packed])
            for (offset, name) in variables.names.enumerated() {
                try store(name, at: variables.range) { target in
                    builder.emit(Instruction(.move, target, first + Int32(offset)), at: variables.range)
                }
            }
            builder.release(to: mark)
        case .subscripted(let name, let components, let range):
            try elementAssignment(name, components, operation: operation, value: value, at: range)
        case .field(let base, let name, let range):
            try fieldAssignment(base, name, operation: operation, value: value, at: range)
        }
    }

    /// `e.name = v` and `e.name op= v`: the value first, then the object (then, for `op=`,
    /// the field's current value).
    private func fieldAssignment(_ base: Expression, _ name: String, operation: BinaryOperator?,
                                 value: Expression, at range: SourceRange) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        var assigned = try place(value)
        if assigned.variableRange != nil, Compiler.containsCall(base) { assigned = try materialize(assigned, at: value.range) }
        let object = try place(base)
        let field = builder.constant(.string(name))
        if let operation {
            let current = builder.allocate()
            emit(Instruction(.field, current, object.operand, field), at: range, reading: [object])
            emit(Instruction(operation.operation, current, current, assigned.operand), at: range.merged(with: value.range),
                 reading: [assigned])
            assigned = Place(operand: current)
        }
        emit(Instruction(.storeField, object.operand, field, assigned.operand), at: range, reading: [object, assigned])
    }

    /// `name = value`. Operations that write their result last compute straight into the
    /// variable; others (`and`, `or`) go through a temporary, since they write their
    /// destination before they finish reading.
    func assign(_ value: Expression, to name: String, at range: SourceRange) throws {
        try store(name, at: range) { target in
            if Compiler.writesLast(value) {
                try compile(value, into: target)
                return
            }
            let mark = builder.mark
            let source = try place(value)
            let isTemporary = source.operand >= Int32(mark)
            emit(Instruction(isTemporary ? .move : .copy, target, source.operand), at: value.range, reading: [source])
            builder.release(to: mark)
        }
    }

    /// `x op= e`: the value first, then the variable (so a NameError names the value's first).
    private func compound(_ name: String, _ operation: BinaryOperator, _ value: Expression, at range: SourceRange) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        let operand = try place(value)
        let combined = range.merged(with: value.range)
        let (storage, _) = resolve(name)
        guard case .slot(let variable) = storage else {
            let temporary = builder.allocate()
            let variableSite = site(name, at: range)
            builder.emit(Instruction(.loadEnvironment, temporary, variableSite), at: range)
            emit(Instruction(operation.operation, temporary, temporary, operand.operand), at: combined, reading: [operand])
            builder.emit(Instruction(.storeEnvironment, variableSite, temporary), at: range)
            return
        }
        emitBinary(operation, variable, Place(operand: variable, variableRange: range), operand, at: combined)
    }

    /// `x[...] = e` and `x[...] op= e`: the value, then the subscript, then (for `op=`) the
    /// element; the container changes in place where the variable is set.
    private func elementAssignment(_ name: String, _ components: [IndexComponent], operation: BinaryOperator?,
                                   value: Expression, at range: SourceRange) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        var assigned = try place(value)
        if assigned.variableRange != nil, components.contains(where: { NameScan.expressions($0).contains(where: Compiler.containsCall) }) {
            assigned = try materialize(assigned, at: value.range)
        }
        let variable = site(name, at: range)
        if operation == nil, components.count == 2, case .single(let first) = components[0], case .single(let second) = components[1] {
            let row = try indexPlace(first), column = try indexPlace(second)
            emit(Instruction(.storeElement2, variable, row.operand, column.operand, assigned.operand), at: range,
                 reading: [row, column, assigned])
            return
        }
        let subscriptSite = try subscriptRegisters(components)
        if let operation {
            let container = try place(Expression(kind: .variable(name), range: range))
            let element = builder.allocate()
            emit(Instruction(.index, element, container.operand, subscriptSite), at: range, reading: [container])
            emit(Instruction(operation.operation, element, element, assigned.operand), at: range.merged(with: value.range),
                 reading: [assigned])
            assigned = Place(operand: element)
        }
        emit(Instruction(.storeIndex, variable, subscriptSite, assigned.operand), at: range, reading: [assigned])
    }

    /// A copy of a variable's value in a temporary, read now rather than when the instruction
    /// using it runs (a call evaluated in between could change the variable).
    func materialize(_ place: Place, at range: SourceRange) throws -> Place {
        let temporary = builder.allocate()
        emit(Instruction(.copy, temporary, place.operand), at: range, reading: [place])
        return Place(operand: temporary)
    }

    /// Whether an expression writes its destination only as its last step, so that it may be
    /// compiled straight into the variable it is assigned to.
    static func writesLast(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .logical, .literal, .variable: return false
        default: return true
        }
    }

    /// Whether evaluating an expression may call a function (which could change variables).
    static func containsCall(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .call: return true
        case .function: return false
        default: return NameScan.children(of: expression).contains(where: containsCall)
        }
    }
}

extension BinaryOperator {
    /// The machine operation computing this operator.
    var operation: Operation {
        switch self {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .floorDivide: return .floorDivide
        case .remainder: return .remainder
        case .power: return .power
        case .matmul: return .matmul
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        }
    }

    /// The operations of this arithmetic operator on registers and on a register and a number
    /// constant; nil for the operators without them.
    var specialised: (registers: Operation, constant: Operation)? {
        switch self {
        case .add: return (.addRegisters, .addConstant)
        case .subtract: return (.subtractRegisters, .subtractConstant)
        case .multiply: return (.multiplyRegisters, .multiplyConstant)
        case .divide: return (.divideRegisters, .divideConstant)
        default: return nil
        }
    }

    /// The test jumping unless this comparison holds; nil for other operators.
    var jumpUnless: Operation? {
        switch self {
        case .less: return .jumpUnlessLess
        case .lessEqual: return .jumpUnlessLessEqual
        case .greater: return .jumpUnlessGreater
        case .greaterEqual: return .jumpUnlessGreaterEqual
        case .equal: return .jumpUnlessEqual
        case .notEqual: return .jumpUnlessNotEqual
        default: return nil
        }
    }
}

extension Operation {
    /// This test (`jumpUnlessLess`, ...) of a register against a number constant; nil for
    /// other operations.
    var againstConstant: Operation? {
        switch self {
        case .jumpUnlessLess: return .jumpUnlessLessConstant
        case .jumpUnlessLessEqual: return .jumpUnlessLessEqualConstant
        case .jumpUnlessGreater: return .jumpUnlessGreaterConstant
        case .jumpUnlessGreaterEqual: return .jumpUnlessGreaterEqualConstant
        case .jumpUnlessEqual: return .jumpUnlessEqualConstant
        case .jumpUnlessNotEqual: return .jumpUnlessNotEqualConstant
        default: return nil
        }
    }
}
