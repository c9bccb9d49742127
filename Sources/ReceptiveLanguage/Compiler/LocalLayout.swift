/// The local variables of a user function and the frame slot of each.
///
/// As in Python, a name is local when the body binds it (assignment, `for`, `fn`) or it is a
/// parameter; parameters take the first slots, in order. Reading a local that is not set yet
/// falls back to the global of that name (docs/language.md#functions).
final class LocalLayout {
    /// The locals' names, by slot.
    let names: [String]
    private let slots: [String: Int]

    /// Creates a layout with the given names in slot order.
    init(names: [String]) {
        self.names = names
        slots = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The locals of a function with these parameters and body.
    convenience init(parameters: [String], body: [Statement]) {
        var names = parameters
        LocalLayout.collectBindings(in: body, into: &names)
        var seen = Set<String>()
        self.init(names: names.filter { seen.insert($0).inserted })
    }

    /// How many slots a frame needs.
    var count: Int { names.count }

    /// The slot of a local; nil for names the function does not bind.
    func slot(of name: String) -> Int? { slots[name] }

    // Nested function bodies have scopes of their own, so their bindings are not collected.
    private static func collectBindings(in statements: [Statement], into names: inout [String]) {
        for statement in statements {
            switch statement.kind {
            case .assignment(.variable(let name, _), _, _):
                names.append(name)
            case .for(let variable, _, let body):
                names.append(variable)
                collectBindings(in: body, into: &names)
            case .function(let declaration):
                names.append(declaration.name)
            case .if(let branches, let otherwise):
                for branch in branches { collectBindings(in: branch.body, into: &names) }
                collectBindings(in: otherwise ?? [], into: &names)
            case .block(let body):
                collectBindings(in: body, into: &names)
            case .expression, .assignment, .return:
                break
            }
        }
    }
}
