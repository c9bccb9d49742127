/// Statements: expressions, assignments, functions, return, if, while, break, continue, blocks.
extension Compiler {
    /// Compiles statements in order.
    func compile(_ statements: [Statement]) throws {
        for statement in statements { try compile(statement) }
    }

    /// Compiles one statement.
    func compile(_ statement: Statement) throws {
        try checkStack()
        markStatement(at: statement.range)
        switch statement.kind {
        case .expression(let expression, _):
            try evaluate(expression)
        case .assignment(let target, let operation, let value):
            try assignment(target, operation: operation, value: value)
        case .function(let declaration):
            try define(declaration, into: declaration.name, at: statement.range)
        case .return(let expression):
            let mark = builder.mark
            let value = try expression.map(place) ?? Place(operand: builder.constant(.none))
            // `return x + y` of registers is one instruction: callgrind counted ~25 instructions
            // less per `fib(n - 1) + fib(n - 2)` (a dispatch, and the sum's store and load).
            // Only a sum the returned expression computed is fused (a variable assigned a sum
            // just before may be the target of a jump to the `return`).
            var isSum = false
            if case .binary(.add, _, _)? = expression?.kind { isSum = true }
            if !(isSum && builder.fuseSumReturn(of: value.operand)) {
                emit(Instruction(.return, value.operand), at: expression?.range ?? statement.range, reading: [value])
            }
            builder.release(to: mark)
        case .if(let branches, let otherwise):
            try conditional(branches, otherwise: otherwise)
        case .for(let variables, let sequence, let body):
            try loop(variables, over: sequence, body: body)
        case .while(let condition, let body):
            try whileLoop(condition, body: body)
        case .break:
            let jump = builder.emit(Instruction(.jump), at: statement.range)
            loops[loops.count - 1].breaks.append(jump)
        case .continue:
            let context = loops[loops.count - 1]
            let jump = builder.emit(Instruction(context.continueChecksInterrupt ? .loop : .jump, Int32(context.continueTarget)),
                                    at: statement.range)
            if context.continueTarget < 0 { loops[loops.count - 1].continues.append(jump) }
        case .block(let body):
            try compile(body)
        }
    }

    /// Evaluates an expression for its effects (an unset variable still raises its NameError).
    func evaluate(_ expression: Expression) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        let discarded = builder.allocate()
        if case .call(let callee, let arguments) = expression.kind {
            try checkStack()
            try call(callee, arguments, into: discarded, at: expression.range, discard: true)
        } else {
            try compile(expression, into: discarded)
        }
    }

    private func conditional(_ branches: [(condition: Expression, body: [Statement])], otherwise: [Statement]?) throws {
        var ends: [Int] = []
        for (index, branch) in branches.enumerated() {
            let skip = try jumpUnless(branch.condition)
            try compile(branch.body)
            if index < branches.count - 1 || otherwise != nil {
                ends.append(builder.emit(Instruction(.jump), at: branch.condition.range))
            }
            patchJump(skip)
        }
        try otherwise.map(compile)
        for end in ends { builder.patch(end, \.a, to: builder.position) }
    }

    /// Emits the test of a condition: a jump, to be patched (`patchJump`), taken unless it
    /// holds. A comparison of two operands tests and jumps in one instruction.
    func jumpUnless(_ condition: Expression) throws -> Int {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        if case .binary(let operation, let left, let right) = condition.kind, let test = operation.jumpUnless {
            var lhs = try place(left)
            if lhs.variableRange != nil, Compiler.containsCall(right) { lhs = try materialize(lhs, at: left.range) }
            let rhs = try place(right)
            // A register tested against a number constant carries the number in the instruction.
            if lhs.operand >= 0, let constant = builder.number(at: rhs.operand), let specialised = test.againstConstant {
                return emit(Instruction(specialised, lhs.operand, 0, immediate: constant), at: condition.range, reading: [lhs])
            }
            return emit(Instruction(test, lhs.operand, rhs.operand), at: condition.range, reading: [lhs, rhs])
        }
        let value = try place(condition)
        return emit(Instruction(.jumpIfFalse, value.operand), at: condition.range, reading: [value])
    }

    /// Points the jump at `position` (`jump`, `jumpIfFalse` or a test) to the next instruction.
    func patchJump(_ position: Int) {
        switch builder.instructions[position].operation {
        case .jump: builder.patch(position, \.a, to: builder.position)
        case .jumpIfFalse, .jumpUnlessLessConstant, .jumpUnlessLessEqualConstant, .jumpUnlessGreaterConstant,
             .jumpUnlessGreaterEqualConstant, .jumpUnlessEqualConstant, .jumpUnlessNotEqualConstant:
            builder.patch(position, \.b, to: builder.position)
        default: builder.patch(position, \.c, to: builder.position)
        }
    }

    private func whileLoop(_ condition: Expression, body: [Statement]) throws {
        let top = builder.position
        let exit = try jumpUnless(condition)
        loops.append(LoopContext(continueTarget: top, continueChecksInterrupt: true))
        try compile(body)
        builder.emit(Instruction(.loop, Int32(top)), at: condition.range)
        patchJump(exit)
        finishLoop()
    }

    /// Patches the innermost loop's `break` jumps to here and leaves it.
    func finishLoop() {
        for jump in loops.removeLast().breaks { builder.patch(jump, \.a, to: builder.position) }
    }

    /// `fn name(...)` or an anonymous function, stored into the variable `name` (or a register).
    func define(_ declaration: FunctionDeclaration, into name: String, at range: SourceRange) throws {
        try store(name, at: range) { target in
            try makeFunction(declaration, into: target, at: range)
        }
    }

    /// Evaluates the defaults, then makes the function value into `target`.
    func makeFunction(_ declaration: FunctionDeclaration, into target: Int32, at range: SourceRange) throws {
        let mark = builder.mark
        let defaults = declaration.parameters.compactMap(\.defaultValue)
        let first = builder.allocate(defaults.count)
        for (offset, value) in defaults.enumerated() { try compile(value, into: first + Int32(offset)) }
        let prototype = try self.prototype(declaration, at: range)
        builder.emit(Instruction(.makeFunction, target, Int32(prototype), first), at: range)
        builder.release(to: mark)
    }

    /// Stores a value into the variable `name`: `produce` writes it into the slot it is given,
    /// the variable's own when it is a register or a global, else a temporary that is then
    /// stored into the environment.
    func store(_ name: String, at range: SourceRange, _ produce: (Int32) throws -> Void) throws {
        let (storage, _) = resolve(name)
        if case .slot(let operand) = storage {
            try produce(operand)
            return
        }
        let mark = builder.mark
        let temporary = builder.allocate()
        try produce(temporary)
        builder.emit(Instruction(.storeEnvironment, site(name, at: range), temporary), at: range)
        builder.release(to: mark)
    }
}
