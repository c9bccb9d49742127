/// The names a cell binds before a cursor, found in its tokens without running it, for
/// completion: assignments (`x = `, `a, b = `), `fn` names and parameters, loop variables and
/// comprehension variables. A function's parameters and locals are offered only inside its
/// body, a comprehension's variables only inside its brackets.
struct CellBindings {
    private let tokens: [Token]

    /// Lexes `code` (any code, complete or not).
    init(_ code: String) {
        tokens = Lexer(code).tokens
    }

    /// The names bound before `cursor` (a Unicode-scalar offset) and visible there, in the
    /// order they are first bound.
    func names(before cursor: Int) -> [String] {
        var scopes: [Scope] = [Scope(closer: nil)]
        var pendingParameters: [String]?
        var index = 0
        while index < tokens.count, tokens[index].range.end.offset <= cursor {
            let token = tokens[index]
            switch token.kind {
            case .fn:
                index = function(at: index, scopes: &scopes, pending: &pendingParameters)
                continue
            case .leftBrace, .leftBracket, .leftParen:
                var scope = Scope(closer: token.kind)
                // A function's body (`{` or the one-line form's `=` then brackets) holds its parameters.
                if token.kind == .leftBrace, let parameters = pendingParameters {
                    scope.names = parameters
                    pendingParameters = nil
                }
                scopes.append(scope)
            case .rightBrace, .rightBracket, .rightParen:
                if scopes.count > 1 { scopes.removeLast() }
            case .for:
                index = loopVariables(after: index, into: &scopes[scopes.count - 1])
                continue
            case .identifier where startsStatement(index) && isAssigned(from: index):
                index = assigned(from: index, into: &scopes[scopes.count - 1])
                continue
            case .equal where pendingParameters != nil:
                // `fn f(x) = expression`: the parameters are visible to the end of the line.
                var scope = Scope(closer: .newline)
                scope.names = pendingParameters ?? []
                pendingParameters = nil
                scopes.append(scope)
            case .newline, .semicolon:
                pendingParameters = nil
                while scopes.count > 1, scopes[scopes.count - 1].closer == .newline { scopes.removeLast() }
            default:
                break
            }
            index += 1
        }
        var seen = Set<String>()
        return scopes.flatMap(\.names).filter { seen.insert($0).inserted }
    }

    private struct Scope {
        /// The token that ends the scope: a closing bracket's opener, or a newline.
        var closer: TokenKind?
        var names: [String] = []
    }

    /// `fn name(a, b: 1)` or `fn(a)`: binds the name, and returns the parameters for the body.
    private func function(at start: Int, scopes: inout [Scope], pending: inout [String]?) -> Int {
        var index = start + 1
        if index < tokens.count, tokens[index].kind == .identifier {
            scopes[scopes.count - 1].names.append(tokens[index].lexeme)
            index += 1
        }
        guard index < tokens.count, tokens[index].kind == .leftParen else { return index }
        var parameters: [String] = []
        var depth = 0
        var expectingName = true
        while index < tokens.count {
            switch tokens[index].kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                depth -= 1
                if depth == 0 {
                    pending = parameters
                    return index + 1
                }
            case .comma where depth == 1: expectingName = true
            case .identifier where depth == 1 && expectingName:
                parameters.append(tokens[index].lexeme)
                expectingName = false
            default: if depth == 1 { expectingName = false }
            }
            index += 1
        }
        pending = parameters
        return index
    }

    /// `for a, b in` or `for (a, b) in`: binds the names in the current scope.
    private func loopVariables(after start: Int, into scope: inout Scope) -> Int {
        var index = start + 1
        while index < tokens.count, [.identifier, .comma, .leftParen, .rightParen].contains(tokens[index].kind) {
            if tokens[index].kind == .identifier { scope.names.append(tokens[index].lexeme) }
            index += 1
        }
        return index
    }

    /// `x = ...`, `x += ...` or `a, b = ...` starting at `start`: binds the names.
    private func assigned(from start: Int, into scope: inout Scope) -> Int {
        var index = start
        while index < tokens.count, tokens[index].kind == .identifier || tokens[index].kind == .comma {
            if tokens[index].kind == .identifier { scope.names.append(tokens[index].lexeme) }
            index += 1
        }
        return index
    }

    private func startsStatement(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        return [.newline, .semicolon, .leftBrace, .rightBrace].contains(tokens[index - 1].kind)
    }

    /// Whether the names from `start` (`a` or `a, b, ...`) are followed by `=` or `op=`.
    private func isAssigned(from start: Int) -> Bool {
        var index = start
        while index < tokens.count, tokens[index].kind == .identifier || tokens[index].kind == .comma { index += 1 }
        guard index < tokens.count else { return false }
        switch tokens[index].kind {
        case .equal, .plusEqual, .minusEqual, .starEqual, .slashEqual, .slashSlashEqual: return true
        default: return false
        }
    }
}
