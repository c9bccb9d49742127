/// Expressions: literals, names, operators, containers, indexing, fields, functions.
extension Compiler {
    /// Where an expression's value can be read: a literal's constant or a variable's own slot
    /// without any code, anything else computed into a fresh temporary.
    func place(_ expression: Expression) throws -> Place {
        if let number = Compiler.constantNumber(expression) { return Place(operand: builder.constant(.number(number))) }
        switch expression.kind {
        case .literal(let value):
            return Place(operand: builder.constant(value))
        case .variable(let name):
            if case .slot(let operand) = resolve(name).storage {
                return Place(operand: operand, variableRange: expression.range)
            }
        default:
            break
        }
        let temporary = builder.allocate()
        try compile(expression, into: temporary)
        return Place(operand: temporary)
    }

    /// Compiles an expression whose value goes to slot `target`.
    func compile(_ expression: Expression, into target: Int32) throws {
        try checkStack()
        let range = expression.range
        let mark = builder.mark
        defer { builder.release(to: mark) }
        if let number = Compiler.constantNumber(expression) {
            builder.emit(Instruction(.copy, target, builder.constant(.number(number))), at: range)
            return
        }
        switch expression.kind {
        case .literal(let value):
            builder.emit(Instruction(.copy, target, builder.constant(value)), at: range)
        case .variable(let name):
            let (storage, _) = resolve(name)
            if case .slot(let operand) = storage {
                emit(Instruction(.copy, target, operand), at: range, reading: [Place(operand: operand, variableRange: range)])
            } else {
                builder.emit(Instruction(.loadEnvironment, target, site(name, at: range)), at: range)
            }
        case .bracketed(let items):
            let first = try consecutive(items)
            builder.emit(Instruction(.buildList, target, first, Int32(items.count)), at: range)
        case .tuple(let items):
            let first = try consecutive(items)
            builder.emit(Instruction(.buildTuple, target, first, Int32(items.count)), at: range)
        case .comprehension(let element, let clauses):
            try comprehension(element, clauses, into: target, at: range)
        case .unary(let operation, let operand):
            let value = try place(operand)
            emit(Instruction(operation == .negate ? .negate : .not, target, value.operand), at: range, reading: [value])
        case .binary(let operation, let left, let right):
            var lhs = try place(left)
            if lhs.variableRange != nil, Compiler.containsCall(right) { lhs = try materialize(lhs, at: left.range) }
            let rhs = try place(right)
            emitBinary(operation, target, lhs, rhs, at: range)
        case .logical(let isAnd, let left, let right):
            try logical(isAnd: isAnd, left, right, into: target)
        case .call(let callee, let arguments):
            try call(callee, arguments, into: target, at: range)
        case .index(let base, let components):
            try index(base, components, into: target, at: range)
        case .field(let base, let name):
            let value = try place(base)
            emit(Instruction(.field, target, value.operand, builder.constant(.string(name))), at: range, reading: [value])
        case .function(let declaration):
            try makeFunction(declaration, into: target, at: range)
        }
    }

    /// `target = lhs op rhs`. Arithmetic of registers, or of a register and a number constant,
    /// takes the specialised operations, which decode no external slot (and read the constant
    /// from the instruction): callgrind counted ~8 instructions less per operand than the
    /// general form's slot decoding (`fib`'s `n - 1`, a loop's `total += i`).
    func emitBinary(_ operation: BinaryOperator, _ target: Int32, _ lhs: Place, _ rhs: Place, at range: SourceRange) {
        if target >= 0, lhs.operand >= 0, let specialised = operation.specialised {
            if rhs.operand >= 0 {
                emit(Instruction(specialised.registers, target, lhs.operand, rhs.operand), at: range, reading: [lhs, rhs])
                return
            }
            if let constant = builder.number(at: rhs.operand) {
                emit(Instruction(specialised.constant, target, lhs.operand, immediate: constant), at: range, reading: [lhs])
                return
            }
        }
        emit(Instruction(operation.operation, target, lhs.operand, rhs.operand), at: range, reading: [lhs, rhs])
    }

    /// The number an expression of number literals, `-` and arithmetic always gives (`-1`,
    /// `2 ** 10`), computed once here: such arithmetic cannot fail, so nothing is lost.
    static func constantNumber(_ expression: Expression) -> Double? {
        switch expression.kind {
        case .literal(.number(let number)):
            return number
        case .unary(.negate, let operand):
            return constantNumber(operand).map { -$0 }
        case .binary(let operation, let left, let right) where operation != .matmul:
            guard let lhs = constantNumber(left), let rhs = constantNumber(right),
                  case .number(let result) = Evaluator.scalar(lhs, operation, rhs) else { return nil }
            return result
        default:
            return nil
        }
    }

    /// Evaluates expressions into consecutive fresh registers; returns the first.
    func consecutive(_ expressions: [Expression]) throws -> Int32 {
        let first = builder.allocate(expressions.count)
        for (offset, expression) in expressions.enumerated() {
            try compile(expression, into: first + Int32(offset))
        }
        return first
    }

    /// `a and b`, `a or b`: the left operand decides unless it is `true` for `and` (`false`
    /// for `or`); each must be a bool.
    private func logical(isAnd: Bool, _ left: Expression, _ right: Expression, into target: Int32) throws {
        // The result is built in a register of its own: `x = y and x` must read the old `x`.
        let result = target >= 0 && target >= Int32(builder.localNames.count) ? target : builder.allocate()
        try compile(left, into: result)
        let decided = builder.emit(Instruction(.shortCircuit, result, 0, isAnd ? 1 : 0), at: left.range)
        try compile(right, into: result)
        builder.emit(Instruction(.requireBool, result, 0, isAnd ? 1 : 0), at: right.range)
        builder.patch(decided, \.b, to: builder.position)
        if result != target { builder.emit(Instruction(.move, target, result), at: left.range.merged(with: right.range)) }
    }

    /// `t[i]`, `t[i, j]` (one element, on a fast path) and any other subscript.
    private func index(_ base: Expression, _ components: [IndexComponent], into target: Int32, at range: SourceRange) throws {
        var container = try place(base)
        if container.variableRange != nil,
           components.contains(where: { NameScan.expressions($0).contains(where: Compiler.containsCall) }) {
            container = try materialize(container, at: base.range)
        }
        switch components.count {
        case 1:
            if case .single(let position) = components[0] {
                let index = try indexPlace(position)
                emit(Instruction(.element, target, container.operand, index.operand), at: range, reading: [container, index])
                return
            }
        case 2:
            if case .single(let first) = components[0], case .single(let second) = components[1] {
                let row = try indexPlace(first), column = try indexPlace(second)
                emit(Instruction(.element2, target, container.operand, row.operand, column.operand), at: range,
                     reading: [container, row, column])
                return
            }
        default:
            break
        }
        let site = try subscriptRegisters(components)
        emit(Instruction(.index, target, container.operand, site), at: range, reading: [container])
    }

    /// An index's place, noted with the index's range even when it is not a variable, so that
    /// an error about its value points at it.
    func indexPlace(_ expression: Expression) throws -> Place {
        Place(operand: try place(expression).operand, variableRange: expression.range)
    }

    /// Evaluates a subscript's components into fresh registers; returns its site's index.
    func subscriptRegisters(_ components: [IndexComponent]) throws -> Int32 {
        func bound(_ expression: Expression?) throws -> SubscriptSite.Bound? {
            guard let expression else { return nil }
            let register = builder.allocate()
            try compile(expression, into: register)
            return SubscriptSite.Bound(register: register, range: expression.range)
        }
        var compiled: [SubscriptSite.Component] = []
        for component in components {
            switch component {
            case .single(let expression):
                let register = builder.allocate()
                try compile(expression, into: register)
                compiled.append(.single(SubscriptSite.Bound(register: register, range: expression.range)))
            case .slice(let start, let stop, let step):
                compiled.append(.slice(start: try bound(start), stop: try bound(stop), step: try bound(step)))
            }
        }
        builder.subscriptSites.append(SubscriptSite(components: compiled))
        return Int32(builder.subscriptSites.count - 1)
    }
}
