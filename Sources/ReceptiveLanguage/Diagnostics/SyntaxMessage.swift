/// The lexer's and parser's error messages in one place (the source range comes from the
/// token where the problem is found).
enum SyntaxMessage {
    /// A character that starts no token.
    static func unexpectedCharacter(_ scalar: Unicode.Scalar) -> String {
        "unexpected character '\(scalar)'; expected an operator, a name, a number or a string"
    }

    /// `!` not followed by `=`.
    static let loneBang = "unexpected '!'; write 'not x' for negation or '!=' for inequality"

    /// `1e` with no exponent digits.
    static func missingExponent(_ text: String) -> String { "expected digits after the exponent in '\(text)'" }

    /// Digits that do not form a number.
    static func notANumber(_ text: String) -> String { "'\(text)' is not a number" }

    /// A string still open at the end of its line.
    static let unterminatedString = "unterminated string; expected a closing '\"' before the end of the line"

    /// A backslash escape the language does not define.
    static func unknownEscape(_ scalar: Unicode.Scalar) -> String {
        "unknown escape '\\\(scalar)' in a string; expected \\n, \\t, \\\" or \\\\"
    }

    /// A string literal over the length limit.
    static func stringLiteralTooLong(_ length: Int, limit: Int) -> String {
        "a string literal of \(length) characters exceeds the limit of \(limit)"
    }

    /// Something other than a statement end after a statement.
    static func expectedStatementEnd(found: String) -> String {
        "expected a new line or ';' after the statement, found \(found)"
    }

    /// A `}` with no open block.
    static let unmatchedBrace = "unmatched '}': no block is open here"

    /// A parameter listed twice.
    static func duplicateParameter(_ parameter: String, in function: String) -> String {
        "parameter '\(parameter)' appears twice in '\(function)'"
    }

    /// A loop variable listed twice: `for a, a in xs`.
    static func duplicateLoopVariable(_ name: String) -> String {
        "loop variable '\(name)' appears twice; each name takes one part of the item"
    }

    /// `a, a = ...`.
    static func duplicateAssignmentName(_ name: String) -> String {
        "'\(name)' appears twice on the left of '='; each name takes one part of the value"
    }

    /// `break` or `continue` with no loop around it in the same function.
    static func outsideLoop(_ keyword: String) -> String {
        "'\(keyword)' outside a loop; it must be inside a 'for' or 'while' body"
    }

    /// `return` at the top level.
    static let returnOutsideFunction = "'return' outside a function"

    /// The left side of `=` is not a name or a subscripted name.
    static func invalidAssignmentTarget(_ operatorText: String) -> String {
        "cannot assign to this expression; expected a name or a subscripted name like x[i] before '\(operatorText)'"
    }

    /// A long chain of binary operators.
    static func operatorChainTooLong(limit: Int) -> String {
        "more than \(limit) operators in a row; split the expression into steps"
    }

    /// Brackets or blocks nested too deeply.
    static func nestingTooDeep(limit: Int) -> String {
        "nesting deeper than \(limit) levels; split the expression into steps"
    }

    /// `f(a: 1, 2)`.
    static let positionalAfterNamed = "a positional argument cannot follow a named one; put positional arguments first"

    /// `t[]`.
    static let emptySubscript = "expected an index or a slice inside '[]'"

    /// A subscript component that is neither an index nor a slice.
    static func expectedSubscript(found: String) -> String { "expected an index or a slice, found \(found)" }

    /// A token that cannot start an expression.
    static func expectedExpression(found: String) -> String { "expected an expression, found \(found)" }

    /// A required token that is missing.
    static func expected(_ expectation: String, found: String) -> String { "expected \(expectation), found \(found)" }
}
