import Tensors
import TextPlots

/// Runs statements over a session's persistent variables (LANGUAGE.md §2).
///
/// The evaluator is the `BuiltinContext` builtins see: they print, display and call back
/// through it. Errors are `RuntimeError`s carrying the range of the node that caused them.
final class Evaluator: BuiltinContext {
    /// The deepest chain of user-function calls allowed; deeper is a LimitError.
    static let maximumCallDepth = 400
    /// The longest string a program may build.
    static let maximumStringLength = 10_000_000

    /// Variables and functions defined at the top level; they persist across cells.
    var globals: [String: Value] = [:]
    /// The local variables of each active user-function call, innermost last.
    var frames: [[String: Value]] = []
    /// Where output goes while a cell runs.
    var output: (any SessionOutput)?
    /// Session-wide rendering options.
    var renderOptions = RenderOptions()
    /// The text of the cell being run, remembered by the functions it defines.
    var currentSource = ""
    /// This session's interrupt request, checked by loops and calls.
    let interruption = InterruptFlag()

    /// Looks a name up: the current function's locals, then globals, then builtins.
    func lookup(_ name: String) -> Value? {
        if let local = frames.last?[name] { return local }
        if let global = globals[name] { return global }
        if let builtin = Builtins.all[name] { return .function(builtin) }
        return nil
    }

    /// Binds a name in the current scope (the function's locals, or globals at top level).
    func define(_ name: String, _ value: Value) {
        if frames.isEmpty { globals[name] = value } else { frames[frames.count - 1][name] = value }
    }

    /// Every name visible at the top level: user variables and builtins.
    var visibleNames: [String] { Array(globals.keys) + Array(Builtins.all.keys) }

    /// Runs a cell's statements and returns the value to show: the last statement's value when
    /// it is an unsilenced expression, otherwise none.
    func run(_ statements: [Statement]) throws -> Value {
        var result = Value.none
        for (index, statement) in statements.enumerated() {
            if index == statements.count - 1, case .expression(let expression, let silenced) = statement.kind {
                let value = try evaluate(expression)
                result = silenced ? .none : value
            } else {
                _ = try execute(statement)
            }
        }
        return result
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
        globals.keys.sorted().compactMap { name in globals[name].map { (name, $0) } }
    }
}
