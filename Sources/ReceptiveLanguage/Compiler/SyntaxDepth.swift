/// How deeply a syntax tree nests: the compiled closures of a body nest as deeply, and so does
/// the stack while they run.
///
/// The walk stops descending past `limit`, so it never recurses deeper than that itself.
enum SyntaxDepth {
    /// The depth of `statements`, or nil when it exceeds `limit`.
    static func of(_ statements: [Statement], limit: Int) -> Int? {
        let depth = block(statements, remaining: limit)
        return depth > limit ? nil : depth
    }

    // Each function returns a depth; one above `remaining` means "too deep" and ends the walk.
    private static func block(_ statements: [Statement], remaining: Int) -> Int {
        deepest(statements, remaining: remaining, statement)
    }

    private static func statement(_ statement: Statement, remaining: Int) -> Int {
        guard remaining > 0 else { return 1 }
        let inner = remaining - 1
        switch statement.kind {
        case .expression(let value, _):
            return 1 + expression(value, remaining: inner)
        case .assignment(let target, _, let value):
            var indices: [Expression] = []
            if case .subscripted(_, let components, _) = target { indices = components.flatMap(NameScan.expressions) }
            if case .field(let base, _, _) = target { indices = [base] }
            return 1 + widest(indices + [value], remaining: inner)
        case .function(let declaration):
            return function(declaration, remaining: remaining)
        case .return(let value):
            return 1 + (value.map { expression($0, remaining: inner) } ?? 0)
        case .if(let branches, let otherwise):
            let conditions = widest(branches.map(\.condition), remaining: inner)
            let bodies = (branches.map(\.body) + [otherwise ?? []]).map { block($0, remaining: inner) }.max() ?? 0
            return 1 + max(conditions, bodies)
        case .for(_, let sequence, let body), .while(let sequence, let body):
            return 1 + max(expression(sequence, remaining: inner), block(body, remaining: inner))
        case .block(let body):
            return 1 + block(body, remaining: inner)
        case .break, .continue:
            return 1
        }
    }

    // Defaults are evaluated where the function is defined; the body runs later, as a call of
    // its own, but counts too, so that one check of a cell covers every body it defines.
    private static func function(_ declaration: FunctionDeclaration, remaining: Int) -> Int {
        let defaults = 1 + widest(declaration.parameters.compactMap(\.defaultValue), remaining: remaining - 1)
        return max(defaults, block(declaration.body, remaining: remaining))
    }

    private static func expression(_ expression: Expression, remaining: Int) -> Int {
        guard remaining > 0 else { return 1 }
        if case .function(let declaration) = expression.kind {
            return 1 + function(declaration, remaining: remaining - 1)
        }
        return 1 + widest(NameScan.children(of: expression), remaining: remaining - 1)
    }

    private static func widest(_ expressions: [Expression], remaining: Int) -> Int {
        deepest(expressions, remaining: remaining, expression)
    }

    private static func deepest<Node>(_ nodes: [Node], remaining: Int, _ depth: (Node, Int) -> Int) -> Int {
        var deepest = 0
        for node in nodes {
            deepest = max(deepest, depth(node, remaining))
            if deepest > remaining { break }
        }
        return deepest
    }
}
