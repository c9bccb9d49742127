/// Compiles one function body or one cell into a `FunctionCode` for the machine.
///
/// Names resolve here, once: a function's parameters and the names its body binds are its
/// locals (registers, or slots of its environment when a function defined inside it mentions
/// them); a comprehension's variables belong to the comprehension; any other name means the
/// variable of the functions around it, then the global. As in Python, an unset local means
/// what its name means outside (docs/language.md#functions). Running code never looks a name up.
/// Errors are raised at run time, with the range of the node that caused them.
final class Compiler {
    /// The session whose global slots names resolve to.
    let evaluator: Evaluator
    /// The code being written.
    let builder = CodeBuilder()
    /// The cell's text, which ranges point into.
    let source: String
    let options: CompileOptions
    /// The code this function is defined in; nil for a cell.
    private let parent: Compiler?
    /// This function's locals; a cell has none (its names are globals).
    private var locals: [String: VariableStorage] = [:]
    /// The comprehensions being compiled, innermost last: their variables.
    var comprehensionScopes: [[String: VariableStorage]] = []
    /// The loops being compiled, innermost last, for `break` and `continue`.
    var loops: [LoopContext] = []

    private init(evaluator: Evaluator, source: String, options: CompileOptions, parent: Compiler?) {
        self.evaluator = evaluator
        self.source = source
        self.options = options
        self.parent = parent
    }

    /// Compiles a cell: its statements run in order, and it returns the last statement's value
    /// when that is an expression not ending in `;`, otherwise none.
    static func compileCell(_ statements: [Statement], evaluator: Evaluator, source: String,
                            options: CompileOptions) throws -> FunctionCode {
        let compiler = Compiler(evaluator: evaluator, source: source, options: options, parent: nil)
        compiler.builder.ownsEnvironment = NameScan(statements).definesFunctions
        var body = statements
        let none = compiler.builder.constant(.none)
        let last = body.last
        if case .expression(let expression, let silenced)? = last?.kind {
            body.removeLast()
            try compiler.compile(body)
            compiler.markStatement(at: last?.range ?? expression.range)
            if silenced {
                try compiler.evaluate(expression)
                compiler.builder.emit(Instruction(.return, none), at: expression.range)
            } else {
                let value = try compiler.place(expression)
                compiler.emit(Instruction(.return, value.operand), at: expression.range, reading: [value])
            }
        } else {
            try compiler.compile(body)
            compiler.builder.emit(Instruction(.return, none), at: last?.range ?? .empty)
        }
        return FunctionCode(builder: compiler.builder, name: "<cell>", source: source, isFunction: false)
    }

    /// Compiles a function defined in this code; returns its prototype's index.
    func prototype(_ declaration: FunctionDeclaration, at range: SourceRange) throws -> Int {
        let function = Compiler(evaluator: evaluator, source: source, options: options, parent: self)
        try function.compileBody(declaration, at: range)
        let code = FunctionCode(builder: function.builder, name: declaration.name, source: source, isFunction: true)
        builder.prototypes.append(FunctionPrototype(code: code, parameterNames: declaration.parameters.map(\.name),
                                                    hasDefault: declaration.parameters.map { $0.defaultValue != nil },
                                                    isAnonymous: declaration.isAnonymous))
        return builder.prototypes.count - 1
    }

    private func compileBody(_ declaration: FunctionDeclaration, at range: SourceRange) throws {
        let parameters = declaration.parameters.map(\.name)
        let scan = NameScan(declaration.body)
        let names = parameters + scan.bound.filter { !parameters.contains($0) }
        let captured = Set(names).intersection(scan.mentionedInside)
        builder.ownsEnvironment = scan.definesFunctions
        // Parameters take the first registers (the arguments arrive there), captured or not.
        let registerNames = parameters + names.dropFirst(parameters.count).filter { !captured.contains($0) }
        builder.reserveLocals(registerNames, fallbacks: registerNames.map(outerChain))
        builder.parameterCount = parameters.count
        for (register, name) in registerNames.enumerated() { locals[name] = .slot(Int32(register)) }
        for name in names where captured.contains(name) {
            let slot = builder.environmentSlot(name)
            locals[name] = .environment(depth: 0, index: slot)
            if let parameter = parameters.firstIndex(of: name) {
                builder.capturedParameters.append((Int32(parameter), slot))
            }
        }
        try compile(declaration.body)
        builder.emit(Instruction(.return, builder.constant(.none)), at: range)
    }

    // MARK: Names

    /// What `name` means here, and what it falls back to while unset.
    func resolve(_ name: String) -> (storage: VariableStorage, fallback: [VariableStorage]) {
        if let scoped = comprehensionVariable(name) { return (scoped, []) }
        if let local = locals[name] { return (local, outerChain(name)) }
        let chain = outerChain(name)
        return (chain[0], Array(chain.dropFirst()))
    }

    /// The variables `name` means outside this code, innermost first, ending with the global.
    private func outerChain(_ name: String) -> [VariableStorage] {
        var chain: [VariableStorage] = []
        // Environments are counted from the running frame's: its own first, when it has one.
        var depth = builder.ownsEnvironment ? 1 : 0
        var unit = parent
        while let current = unit {
            if case .environment(_, let index)? = current.comprehensionVariable(name) ?? current.locals[name] {
                chain.append(.environment(depth: depth, index: index))
            }
            if current.builder.ownsEnvironment { depth += 1 }
            unit = current.parent
        }
        chain.append(.slot(builder.global(evaluator.globalSlot(name))))
        return chain
    }

    private func comprehensionVariable(_ name: String) -> VariableStorage? {
        for scope in comprehensionScopes.reversed() {
            if let storage = scope[name] { return storage }
        }
        return nil
    }

    /// A variable site for `name` (for environment reads, element assignment and `append`).
    func site(_ name: String, at range: SourceRange) -> Int32 {
        let (storage, fallback) = resolve(name)
        builder.variableSites.append(VariableSite(storage: storage, fallback: fallback, name: name, range: range))
        return Int32(builder.variableSites.count - 1)
    }

    /// The site `del(name)` removes: a cell deletes globals, a function only its own locals.
    func deletionSite(_ name: String, at range: SourceRange) -> Int32 {
        let storage: VariableStorage
        var deletable = true
        if let local = locals[name] {
            storage = local
        } else {
            storage = .slot(builder.global(evaluator.globalSlot(name)))
            deletable = parent == nil && comprehensionVariable(name) == nil
        }
        builder.variableSites.append(VariableSite(storage: storage, fallback: [], isDeletable: deletable, name: name, range: range))
        return Int32(builder.variableSites.count - 1)
    }

    /// Declares a comprehension's variable in the innermost comprehension scope: a register,
    /// or an environment slot when a function defined in the comprehension mentions it.
    func declareComprehensionVariable(_ name: String, captured: Bool) -> VariableStorage {
        let storage: VariableStorage = captured
            ? .environment(depth: 0, index: builder.environmentSlot(name))
            : .slot(builder.allocate())
        comprehensionScopes[comprehensionScopes.count - 1][name] = storage
        return storage
    }

    // MARK: Emitting

    /// Emits an instruction reading `places`, noting the ranges of the variables among them.
    @discardableResult
    func emit(_ instruction: Instruction, at range: SourceRange, reading places: [Place] = []) -> Int {
        let position = builder.emit(instruction, at: range)
        for place in places {
            if let variableRange = place.variableRange { builder.note(operand: place.operand, range: variableRange, at: position) }
        }
        return position
    }

    /// Marks a statement's start for a debugger (only when compiling for one).
    func markStatement(at range: SourceRange) {
        guard options.traceStatements else { return }
        builder.emit(Instruction(.statement, Int32(range.start.line)), at: range)
    }

    /// Throws a LimitError when the stack left cannot hold one more level of compiling.
    func checkStack() throws {
        guard evaluator.hasStack(for: 64 << 10) else { throw RuntimeError.compileStackExhausted }
    }
}

/// Where a compiled expression's value is: a slot operand, and the variable's range when the
/// slot is a variable read in place (a NameError points there).
struct Place {
    var operand: Int32
    var variableRange: SourceRange?
}

/// A loop being compiled: where `continue` goes and the jumps to patch.
struct LoopContext {
    /// The instruction `continue` goes to; -1 when it is not known yet (a `for` loop's `next`
    /// comes after its body), and `continues` collects the jumps to patch.
    var continueTarget: Int
    /// Whether `continue` must check for an interrupt on the way (a `while`'s way back; a
    /// `for` checks in `next`).
    var continueChecksInterrupt: Bool
    /// The `continue` jumps to patch once the target is known.
    var continues: [Int] = []
    /// The `break` jumps, patched to the loop's end.
    var breaks: [Int] = []
}

extension SourceRange {
    /// An empty range at the start of the source.
    static let empty = SourceRange(start: SourceLocation(line: 1, column: 1, offset: 0),
                                   end: SourceLocation(line: 1, column: 1, offset: 0))
}
