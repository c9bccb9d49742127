/// Collects the instructions and tables of one `FunctionCode` as the compiler emits them, and
/// hands out registers.
///
/// Named locals take the first registers; temporaries are allocated above them like a stack
/// (`mark` / `release`), so the registers of a call's arguments are always the highest ones in
/// use, and a callee's frame can start right after them.
final class CodeBuilder {
    /// What an external slot is.
    enum External {
        case global(GlobalSlot)
        case constant(Int)
    }

    private(set) var instructions: [Instruction] = []
    private(set) var ranges: [SourceRange] = []
    private(set) var operandRanges: [Int: [(operand: Int32, range: SourceRange)]] = [:]
    private(set) var constants: [Value] = []
    private(set) var externals: [External] = []
    private var globalOperands: [ObjectIdentifier: Int32] = [:]
    private var numberOperands: [UInt64: Int32] = [:]

    /// The registers frames of this code need.
    private(set) var registerCount = 0
    private var nextRegister = 0
    var parameterCount = 0
    var localNames: [String] = []
    var localFallbacks: [[VariableStorage]] = []
    var environmentNames: [String] = []
    var ownsEnvironment = false
    var capturedParameters: [(register: Int32, slot: Int)] = []
    var prototypes: [FunctionPrototype] = []
    var callSites: [CallSite] = []
    var subscriptSites: [SubscriptSite] = []
    var variableSites: [VariableSite] = []

    /// The position the next instruction will have.
    var position: Int { instructions.count }

    /// Appends an instruction whose errors point at `range`; returns its position.
    @discardableResult
    func emit(_ instruction: Instruction, at range: SourceRange) -> Int {
        instructions.append(instruction)
        ranges.append(range)
        return instructions.count - 1
    }

    /// Records that operand `operand` of the instruction at `position` is a variable written at `range`.
    func note(operand: Int32, range: SourceRange, at position: Int) {
        operandRanges[position, default: []].append((operand, range))
    }

    /// Changes operand `keyPath` of the instruction at `position` (a jump's target, once known).
    func patch(_ position: Int, _ keyPath: WritableKeyPath<Instruction, Int32>, to value: Int) {
        instructions[position][keyPath: keyPath] = Int32(value)
    }

    /// Makes the instruction just emitted, `addRegisters t x y`, return the sum instead
    /// (`returnSum t x y`) when `t` is the value to return; false (nothing changed) otherwise.
    /// The caller makes sure the sum was computed by the returned expression itself, so that
    /// no jump targets the `return` this replaces.
    func fuseSumReturn(of operand: Int32) -> Bool {
        guard let last = instructions.last, last.operation == .addRegisters, last.a == operand else { return false }
        instructions[instructions.count - 1].operation = .returnSum
        return true
    }

    // MARK: Registers

    /// Reserves the named locals' registers, which come first.
    func reserveLocals(_ names: [String], fallbacks: [[VariableStorage]]) {
        localNames = names
        localFallbacks = fallbacks
        nextRegister = names.count
        registerCount = max(registerCount, nextRegister)
    }

    /// A fresh temporary register.
    func allocate() -> Int32 {
        defer {
            nextRegister += 1
            registerCount = max(registerCount, nextRegister)
        }
        return Int32(nextRegister)
    }

    /// `count` consecutive fresh registers; returns the first.
    func allocate(_ count: Int) -> Int32 {
        let first = Int32(nextRegister)
        nextRegister += count
        registerCount = max(registerCount, nextRegister)
        return first
    }

    /// The allocation state, to `release` temporaries back to.
    var mark: Int { nextRegister }

    /// Frees every temporary allocated since `mark`.
    func release(to mark: Int) { nextRegister = mark }

    // MARK: External slots

    /// The operand of a constant (numbers are shared).
    func constant(_ value: Value) -> Int32 {
        if case .number(let number) = value, let known = numberOperands[number.bitPattern] { return known }
        constants.append(value)
        externals.append(.constant(constants.count - 1))
        let operand = ~Int32(externals.count - 1)
        if case .number(let number) = value { numberOperands[number.bitPattern] = operand }
        return operand
    }

    /// The number constant `operand` names, if it names one (an operand the specialised
    /// operations can carry as an immediate).
    func number(at operand: Int32) -> Double? {
        guard operand < 0, case .constant(let index) = externals[Int(~operand)],
              case .number(let number) = constants[index] else { return nil }
        return number
    }

    /// The operand of a global variable.
    func global(_ slot: GlobalSlot) -> Int32 {
        if let known = globalOperands[ObjectIdentifier(slot)] { return known }
        externals.append(.global(slot))
        let operand = ~Int32(externals.count - 1)
        globalOperands[ObjectIdentifier(slot)] = operand
        return operand
    }

    /// The index of a new environment variable named `name`.
    func environmentSlot(_ name: String) -> Int {
        environmentNames.append(name)
        return environmentNames.count - 1
    }
}
