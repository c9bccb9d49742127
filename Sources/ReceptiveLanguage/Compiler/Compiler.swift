/// Turns syntax trees into closures that run them (compiled once per cell or function).
///
/// Compiling resolves every name to a frame slot or a global slot, so running code never
/// looks a variable up by name, and the tree is walked once instead of on every iteration.
/// Errors are still raised at run time, with the range of the node that caused them.
struct Compiler {
    /// The session whose global slots names resolve to.
    let evaluator: Evaluator
    /// The locals of the function being compiled; nil for top-level code.
    let locals: LocalLayout?

    /// The slot a name refers to in this scope.
    func resolve(_ name: String) -> VariableReference {
        let global = evaluator.globalSlot(name)
        if let slot = locals?.slot(of: name) { return .local(slot, fallback: global) }
        return .global(global)
    }

    /// Whether `del(name)` can remove the name here: top-level code deletes globals, a
    /// function only its own locals.
    func deletable(_ name: String) -> VariableReference? {
        if locals == nil { return resolve(name) }
        guard case .local = resolve(name) else { return nil }
        return resolve(name)
    }
}
