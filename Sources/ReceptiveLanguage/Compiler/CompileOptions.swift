/// How the compiler writes code.
struct CompileOptions {
    /// Whether to mark every statement's start with a `statement` instruction, which calls the
    /// evaluator's statement hook (a debugger's breakpoints and stepping). Off by default, so
    /// code run without a debugger pays nothing for it.
    var traceStatements = false
}
