/// The compiled code of one function body or one cell: instructions with the source range of
/// each, and the tables its operands index.
///
/// Instructions, constants and the external slot table are kept in manually allocated
/// buffers so that running code reads them through plain pointers, with no reference
/// counting or exclusivity checks; this object owns them and frees them in `deinit`. A
/// session is used from one thread at a time (see `Session`), and so is the code it
/// compiles; that is what makes the unchecked conformance sound.
final class FunctionCode: @unchecked Sendable {
    /// The function's name (`fn` for an anonymous one; `<cell>` for a cell).
    let name: String
    /// The text of the cell the code was compiled from; its ranges point into it.
    let source: String
    /// Whether this is a function body (a cell's code has no parameters and no locals).
    let isFunction: Bool
    /// The instructions (`instructionCount` of them; the last one always returns).
    let instructions: UnsafeMutablePointer<Instruction>
    /// The source range each instruction's errors point at.
    let ranges: [SourceRange]
    /// For instructions reading variables directly, each such operand's own range, so that a
    /// NameError points at the name rather than the whole expression.
    let operandRanges: [Int: [(operand: Int32, range: SourceRange)]]
    /// The slots negative operands reach: entry `~o` for operand `o`.
    let externals: UnsafeMutablePointer<UnsafeMutablePointer<Value?>>
    /// The global each external slot belongs to, or nil for a constant.
    let externalGlobals: [GlobalSlot?]
    /// The constants' storage (owned).
    private let constants: UnsafeMutablePointer<Value?>
    private let constantCount: Int
    /// Registers a frame needs.
    let registerCount: Int
    /// How many parameters take the first registers.
    let parameterCount: Int
    /// The named locals' registers come first: `localNames[r]` is register `r`'s name.
    let localNames: [String]
    /// How many named locals are not parameters (set to unset as a call starts).
    let unsetLocalCount: Int
    /// What each named local means while unset (see `VariableSite.fallback`).
    let localFallbacks: [[VariableStorage]]
    /// Whether each run of the code creates an environment (it defines functions).
    let ownsEnvironment: Bool
    /// The variables this code keeps in its environment (captured by inner functions), by slot.
    let environmentNames: [String]
    /// Parameters captured by inner functions: (parameter register, environment slot), copied
    /// into the environment when a call starts.
    let capturedParameters: [(register: Int32, slot: Int)]
    /// Functions defined inside this code.
    let prototypes: [FunctionPrototype]
    /// Call sites with named arguments.
    let callSites: [CallSite]
    /// Subscripts.
    let subscriptSites: [SubscriptSite]
    /// Variables changed in place.
    let variableSites: [VariableSite]
    /// Each variable site's storage alone (read on fast paths without copying the site).
    let siteStorages: [VariableStorage]
    /// How many instructions there are.
    let instructionCount: Int

    /// Everything a `CodeBuilder` assembled.
    init(builder: CodeBuilder, name: String, source: String, isFunction: Bool) {
        self.name = name
        self.source = source
        self.isFunction = isFunction
        instructionCount = builder.instructions.count
        instructions = .allocate(capacity: max(1, builder.instructions.count))
        instructions.initialize(from: builder.instructions, count: builder.instructions.count)
        ranges = builder.ranges
        operandRanges = builder.operandRanges
        constantCount = builder.constants.count
        constants = .allocate(capacity: max(1, constantCount))
        constants.initialize(from: builder.constants.map { Optional($0) }, count: constantCount)
        externalGlobals = builder.externals.map { external in
            if case .global(let global) = external { return global }
            return nil
        }
        externals = .allocate(capacity: max(1, builder.externals.count))
        for (index, external) in builder.externals.enumerated() {
            switch external {
            case .global(let global): (externals + index).initialize(to: global.storage)
            case .constant(let constant): (externals + index).initialize(to: constants + constant)
            }
        }
        registerCount = builder.registerCount
        parameterCount = builder.parameterCount
        localNames = builder.localNames
        localFallbacks = builder.localFallbacks
        unsetLocalCount = builder.localNames.count - builder.parameterCount
        ownsEnvironment = builder.ownsEnvironment
        environmentNames = builder.environmentNames
        capturedParameters = builder.capturedParameters
        prototypes = builder.prototypes
        callSites = builder.callSites
        subscriptSites = builder.subscriptSites
        variableSites = builder.variableSites
        siteStorages = builder.variableSites.map(\.storage)
    }

    deinit {
        instructions.deinitialize(count: instructionCount)
        instructions.deallocate()
        externals.deallocate()
        constants.deinitialize(count: constantCount)
        constants.deallocate()
    }

    /// The source range of the variable operand `operand` of the instruction at `pc`, or the
    /// instruction's own.
    func range(of operand: Int32, at pc: Int) -> SourceRange {
        operandRanges[pc]?.first { $0.operand == operand }?.range ?? ranges[pc]
    }

    /// The name of a variable operand, when the operand is a named local or a global.
    func variableName(_ operand: Int32) -> String? {
        if operand >= 0 { return Int(operand) < localNames.count ? localNames[Int(operand)] : nil }
        return externalGlobals[Int(~operand)]?.name
    }
}
