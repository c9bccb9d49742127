import Foundation
import Learning
import Tensors
import TextPlots

/// Compiles cells and runs them on its `Machine`, over a session's persistent variables
/// (docs/language.md#statements).
///
/// The evaluator is the `BuiltinContext` builtins see: they print, display and call back
/// through it. Errors are `RuntimeError`s carrying the range of the node that caused them.
final class Evaluator: BuiltinContext {
    /// The deepest chain of user-function calls allowed; deeper is a LimitError.
    static let maximumCallDepth = 400
    /// The longest string a program may build.
    static let maximumStringLength = 10_000_000

    /// Every top-level name compiled code has used, defined or not; the defined ones persist
    /// across cells.
    private var globalSlots: [String: GlobalSlot] = [:]
    /// How many user-function calls are active.
    var callDepth = 0
    /// The lowest stack address a call may reach (see `prepareToRun`); 0 when unknown.
    var stackFloor: UInt = 0
    /// `UserFunction`'s metadata, which a call compares its callee's with (see `userFunction`
    /// of a slot).
    let userFunctionType = ObjectIdentifier(UserFunction.self)
    /// The registers and frames compiled code runs in.
    let machine = Machine(maximumDepth: Evaluator.maximumCallDepth)
    /// How code is compiled (a debugger asks for statement boundaries).
    var compileOptions = CompileOptions()
    /// Called at a statement boundary of code compiled with `traceStatements` (a debugger's
    /// breakpoints and stepping) when `debugging` says a statement may stop; its error ends
    /// the cell.
    var statementHook: ((Evaluator) throws -> Void)?
    /// The session's breakpoints, pause requests and steps, which the loop asks at each
    /// statement marker before calling `statementHook`.
    let debugging: CellDebugging
    /// Where output goes while a cell runs.
    var output: (any SessionOutput)?
    /// Session-wide rendering options.
    var renderOptions = RenderOptions()
    /// The text of the cell being run, remembered by the functions it defines.
    var currentSource = ""
    /// This session's interrupt flag, element cap and progress observer: loops and calls
    /// check its interrupt, and every tensor operation gets it.
    let control: ExecutionControl
    /// Where relative file paths point (nil: the process's current directory).
    let workingDirectory: URL?
    /// The tape of the gradient being taken, if any (see `BuiltinContext.tape`).
    var tape: Tape?

    /// An evaluator with no variables whose work runs under `control`, resolving relative
    /// file paths against `workingDirectory`.
    init(control: ExecutionControl, workingDirectory: URL?, debugging: CellDebugging = CellDebugging()) {
        self.control = control
        self.debugging = debugging
        self.workingDirectory = workingDirectory
    }

    deinit {
        // Functions hold code that holds global slots, which may hold those functions.
        for slot in globalSlots.values { slot.value = nil }
    }

    /// The slot for a top-level name, created empty on first use.
    func globalSlot(_ name: String) -> GlobalSlot {
        if let slot = globalSlots[name] { return slot }
        let slot = GlobalSlot(name: name)
        globalSlots[name] = slot
        return slot
    }

    /// The defined top-level variables, by name.
    var globals: [String: Value] {
        globalSlots.compactMapValues(\.value)
    }

    /// Looks a name up at the top level: globals, then builtins.
    func lookup(_ name: String) -> Value? {
        if let value = globalSlots[name]?.value { return value }
        return Builtins.all[name].map { .function($0) }
    }

    /// Every name visible at the top level: user variables and builtins.
    var visibleNames: [String] { Array(globals.keys) + Array(Builtins.all.keys) }

    /// Compiles and runs a cell's statements and returns the value to show: the last
    /// statement's value when it is an unsilenced expression, otherwise none.
    func run(_ statements: [Statement]) throws -> Value {
        try prepareToRun(statements)
        let code = try Compiler.compileCell(statements, evaluator: self, source: currentSource, options: compileOptions)
        return try execute(code, base: machine.top, captured: nil)
    }

    /// Compiles and evaluates one expression at the top level.
    func evaluate(_ expression: Expression) throws -> Value {
        try run([Statement(kind: .expression(expression, silenced: false), range: expression.range)])
    }

    // MARK: BuiltinContext

    func write(_ text: String, toStandardError: Bool) {
        output?.write(text, toStandardError: toStandardError)
    }

    func display(_ value: Value) {
        output?.display(value.rendered(options: renderOptions), id: nil, update: false)
    }

    func clearOutput() {
        output?.clearOutput(wait: false)
    }

    func page(_ figure: Figure) {
        output?.page(figure)
    }

    func readInput(prompt: String) throws -> String {
        guard let output else { throw RuntimeError.noInput }
        return try output.readInput(prompt: prompt, password: false)
    }

    func call(_ callee: Value, _ arguments: [Value]) throws -> Value {
        try call(callee, positional: arguments, named: [], at: nil)
    }
}

extension Evaluator {
    /// The session's variables sorted by name.
    var variables: [(name: String, value: Value)] {
        globals.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
