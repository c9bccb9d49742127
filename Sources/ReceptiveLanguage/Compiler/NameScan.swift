/// What the compiler must know about a function body (or cell) before compiling it: the names
/// it binds, and the names that functions defined inside it mention, which it must keep in an
/// environment for them.
///
/// As in Python, a name is local to a function when the body binds it (assignment, `for`,
/// `fn`) or it is a parameter; a comprehension's variables belong to the comprehension.
struct NameScan {
    /// The names bound at this level, in order of first binding.
    private(set) var bound: [String] = []
    /// Every name mentioned anywhere inside the functions defined within.
    private(set) var mentionedInside: Set<String> = []
    /// Whether any function is defined within (then calls create an environment).
    private(set) var definesFunctions = false
    private var seen: Set<String> = []

    /// Scans a body.
    init(_ statements: [Statement]) {
        statements.forEach { scan($0) }
    }

    /// Scans what a comprehension's clauses and element contain.
    init(_ expressions: [Expression]) {
        expressions.forEach { scan($0) }
    }

    private mutating func bind(_ name: String) {
        if seen.insert(name).inserted { bound.append(name) }
    }

    private mutating func scan(_ statement: Statement) {
        switch statement.kind {
        case .expression(let value, _):
            scan(value)
        case .assignment(let target, _, let value):
            switch target {
            case .variable(let name, _): bind(name)
            case .subscripted(_, let components, _): components.flatMap(NameScan.expressions).forEach { scan($0) }
            case .unpacked(let variables): variables.names.forEach { bind($0) }
            case .field(let base, _, _): scan(base)
            }
            scan(value)
        case .function(let declaration):
            bind(declaration.name)
            nested(declaration)
        case .return(let value):
            value.map { scan($0) }
        case .if(let branches, let otherwise):
            for branch in branches {
                scan(branch.condition)
                branch.body.forEach { scan($0) }
            }
            otherwise?.forEach { scan($0) }
        case .for(let variables, let sequence, let body):
            variables.names.forEach { bind($0) }
            scan(sequence)
            body.forEach { scan($0) }
        case .while(let condition, let body):
            scan(condition)
            body.forEach { scan($0) }
        case .block(let body):
            body.forEach { scan($0) }
        case .break, .continue:
            break
        }
    }

    private mutating func scan(_ expression: Expression) {
        switch expression.kind {
        case .function(let declaration):
            nested(declaration)
        default:
            NameScan.children(of: expression).forEach { scan($0) }
        }
    }

    private mutating func nested(_ declaration: FunctionDeclaration) {
        definesFunctions = true
        declaration.parameters.compactMap(\.defaultValue).forEach { scan($0) }
        var mentions = MentionCollector()
        declaration.parameters.forEach { mentions.names.insert($0.name) }
        declaration.body.forEach { mentions.collect($0) }
        mentionedInside.formUnion(mentions.names)
    }

    /// The direct subexpressions of an expression (a function's body is not one).
    static func children(of expression: Expression) -> [Expression] {
        switch expression.kind {
        case .literal, .variable, .function: return []
        case .bracketed(let items), .tuple(let items): return items
        case .comprehension(let element, let clauses): return clauses.map(\.expression) + [element]
        case .unary(_, let operand): return [operand]
        case .binary(_, let left, let right), .logical(_, let left, let right): return [left, right]
        case .call(let callee, let arguments): return [callee] + arguments.map(\.value)
        case .index(let base, let components): return [base] + components.flatMap(expressions)
        case .field(let base, _): return [base]
        }
    }

    /// The expressions of a subscript component.
    static func expressions(_ component: IndexComponent) -> [Expression] {
        switch component {
        case .single(let expression): return [expression]
        case .slice(let start, let stop, let step): return [start, stop, step].compactMap { $0 }
        }
    }
}

/// Every name a piece of code mentions, at any depth (an over-approximation of what a nested
/// function may read from the scopes around it: capturing a few names too many is harmless).
private struct MentionCollector {
    var names: Set<String> = []

    mutating func collect(_ statement: Statement) {
        switch statement.kind {
        case .expression(let value, _): collect(value)
        case .assignment(let target, _, let value):
            switch target {
            case .variable(let name, _): names.insert(name)
            case .subscripted(let name, let components, _):
                names.insert(name)
                components.flatMap(NameScan.expressions).forEach { collect($0) }
            case .unpacked(let variables): names.formUnion(variables.names)
            case .field(let base, _, _): collect(base)
            }
            collect(value)
        case .function(let declaration):
            names.insert(declaration.name)
            collect(declaration)
        case .return(let value): value.map { collect($0) }
        case .if(let branches, let otherwise):
            for branch in branches {
                collect(branch.condition)
                branch.body.forEach { collect($0) }
            }
            otherwise?.forEach { collect($0) }
        case .for(let variables, let sequence, let body):
            names.formUnion(variables.names)
            collect(sequence)
            body.forEach { collect($0) }
        case .while(let condition, let body):
            collect(condition)
            body.forEach { collect($0) }
        case .block(let body): body.forEach { collect($0) }
        case .break, .continue: break
        }
    }

    mutating func collect(_ expression: Expression) {
        switch expression.kind {
        case .variable(let name): names.insert(name)
        case .function(let declaration): collect(declaration)
        case .comprehension(_, let clauses):
            for case .loop(let variables, _) in clauses { names.formUnion(variables.names) }
            NameScan.children(of: expression).forEach { collect($0) }
        default: NameScan.children(of: expression).forEach { collect($0) }
        }
    }

    private mutating func collect(_ declaration: FunctionDeclaration) {
        declaration.parameters.forEach { names.insert($0.name) }
        declaration.parameters.compactMap(\.defaultValue).forEach { collect($0) }
        declaration.body.forEach { collect($0) }
    }
}

extension ComprehensionClause {
    /// The clause's expression: the sequence of a `for`, the condition of an `if`.
    var expression: Expression {
        switch self {
        case .loop(_, let sequence): return sequence
        case .filter(let condition): return condition
        }
    }
}
