/// The lines of a cell where statements start: where a breakpoint can stop (code compiled for
/// a debugger marks each statement's first line, `CompileOptions.traceStatements`).
public enum StatementLines {
    /// The sorted lines (1-based) on which a statement of `code` starts, inside function
    /// bodies, branches and loops too; nil when `code` does not parse.
    public static func lines(in code: String) -> [Int]? {
        guard case .success(let statements) = Parser.parse(code) else { return nil }
        var lines = Set<Int>()
        collect(statements, into: &lines)
        return lines.sorted()
    }

    /// Where a breakpoint asked for at `line` stops: the first statement line at or after it
    /// (a blank line, a comment or the middle of a long expression moves down), or nil.
    public static func placement(of line: Int, among lines: [Int]) -> Int? {
        lines.first { $0 >= line }
    }

    private static func collect(_ statements: [Statement], into lines: inout Set<Int>) {
        for statement in statements {
            lines.insert(statement.range.start.line)
            switch statement.kind {
            case .function(let declaration): collect(declaration.body, into: &lines)
            case .if(let branches, let otherwise):
                for branch in branches { collect(branch.body, into: &lines) }
                if let otherwise { collect(otherwise, into: &lines) }
            case .for(_, _, let body), .while(_, let body), .block(let body): collect(body, into: &lines)
            case .expression, .assignment, .return, .break, .continue: break
            }
        }
    }
}
