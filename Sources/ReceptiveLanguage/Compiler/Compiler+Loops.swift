/// `for` loops and comprehensions.
extension Compiler {
    /// `for v in sequence { body }`: the loop's state in five registers; the body comes first
    /// and `next`, at the bottom, puts each item straight into the variable (when it is a
    /// register or a global) and jumps back up, so an iteration dispatches no extra jump.
    func loop(_ variables: LoopVariables, over sequence: Expression, body: [Statement]) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        let state = builder.allocate(5)
        try startLoop(state, over: sequence)
        let entry = builder.emit(Instruction(.jump), at: sequence.range)
        let top = builder.position
        let item = try itemTarget(variables) { resolve($0).storage }
        try storeItem(item, into: variables) { resolve($0).storage }
        loops.append(LoopContext(continueTarget: -1, continueChecksInterrupt: false))
        try compile(body)
        for jump in loops[loops.count - 1].continues + [entry] { builder.patch(jump, \.a, to: builder.position) }
        builder.emit(Instruction(.next, state, item, Int32(top)), at: sequence.range)
        finishLoop()
    }

    /// Emits the start of a loop over `sequence` into the state registers from `state`. A call
    /// of `range` or `arange` is left to the machine, which counts without building anything
    /// while the name means the builtin.
    private func startLoop(_ state: Int32, over sequence: Expression) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        if case .call(let callee, let arguments) = sequence.kind, case .variable(let name) = callee.kind,
           name == "range" || name == "arange", let count = Compiler.countingArguments(arguments) {
            let function = try place(callee)
            let first = try consecutive(arguments.map(\.value))
            emit(Instruction(.iterateCall, state, function.operand, first, count), at: sequence.range, reading: [function])
            return
        }
        let value = try place(sequence)
        emit(Instruction(.iterate, state, value.operand), at: sequence.range, reading: [value])
    }

    /// The `iterateCall` argument count for `range(...)`/`arange(...)` arguments (+256 when the
    /// last is `step:`), or nil when they take another form.
    private static func countingArguments(_ arguments: [Argument]) -> Int32? {
        let named = arguments.filter { $0.name != nil }
        guard (1...3).contains(arguments.count), named.isEmpty || (named.count == 1 && arguments.last?.name == "step") else {
            return nil
        }
        return Int32(arguments.count) + (named.isEmpty ? 0 : 256)
    }

    /// The slot `next` puts each item into: the variable's own when there is one variable in
    /// a register or a global, else a temporary that `storeItem` takes from.
    private func itemTarget(_ variables: LoopVariables, storage: (String) -> VariableStorage) throws -> Int32 {
        if !variables.unpacks, case .slot(let operand) = storage(variables.names[0]) { return operand }
        return builder.allocate()
    }

    /// Stores the item `next` put into `item` into the loop's variables, taking it apart when
    /// there are several (nothing to do when `next` wrote the variable itself).
    private func storeItem(_ item: Int32, into variables: LoopVariables, storage: (String) -> VariableStorage) throws {
        if !variables.unpacks, case .slot(let operand) = storage(variables.names[0]), operand == item { return }
        let mark = builder.mark
        defer { builder.release(to: mark) }
        var parts = [item]
        if variables.unpacks {
            let first = builder.allocate(variables.names.count)
            builder.emit(Instruction(.unpack, first, item, Int32(variables.names.count)), at: variables.range)
            parts = (0..<variables.names.count).map { first + Int32($0) }
        }
        for (name, part) in zip(variables.names, parts) {
            switch storage(name) {
            case .slot(let operand):
                builder.emit(Instruction(.move, operand, part), at: variables.range)
            case .environment:
                builder.emit(Instruction(.storeEnvironment, site(name, at: variables.range), part), at: variables.range)
            }
        }
    }

    /// `[element for v in xs if condition ...]`: collects the element for every item that
    /// passes the filters, then builds it like a `[...]` literal. The variables belong to the
    /// comprehension; a function defined inside it that mentions one captures it.
    func comprehension(_ element: Expression, _ clauses: [ComprehensionClause], into target: Int32,
                       at range: SourceRange) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        let accumulator = builder.allocate()
        builder.emit(Instruction(.startCollecting, accumulator), at: range)
        let captured = NameScan(clauses.map(\.expression) + [element]).mentionedInside
        comprehensionScopes.append([:])
        defer { comprehensionScopes.removeLast() }
        try clause(clauses[...], element, accumulator, captured: captured)
        builder.emit(Instruction(.finishCollecting, target, accumulator), at: range)
    }

    private func clause(_ clauses: ArraySlice<ComprehensionClause>, _ element: Expression, _ accumulator: Int32,
                        captured: Set<String>) throws {
        guard let first = clauses.first else {
            let mark = builder.mark
            let item = try place(element)
            emit(Instruction(.collect, accumulator, item.operand), at: element.range, reading: [item])
            builder.release(to: mark)
            return
        }
        switch first {
        case .loop(let variables, let sequence):
            let state = builder.allocate(5)
            try startLoop(state, over: sequence)
            // The sequence is evaluated before the variables exist: `[x for x in x]` reads the outer x.
            var declared: [String: VariableStorage] = [:]
            for name in variables.names {
                declared[name] = declareComprehensionVariable(name, captured: captured.contains(name))
            }
            let storage: (String) -> VariableStorage = { declared[$0] ?? .slot(0) }
            let entry = builder.emit(Instruction(.jump), at: sequence.range)
            let top = builder.position
            let item = try itemTarget(variables, storage: storage)
            try storeItem(item, into: variables, storage: storage)
            try clause(clauses.dropFirst(), element, accumulator, captured: captured)
            builder.patch(entry, \.a, to: builder.position)
            builder.emit(Instruction(.next, state, item, Int32(top)), at: sequence.range)
        case .filter(let condition):
            let skip = try jumpUnless(condition)
            try clause(clauses.dropFirst(), element, accumulator, captured: captured)
            patchJump(skip)
        }
    }
}
