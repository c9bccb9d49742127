/// Completion candidates at a cursor: named arguments (`stride:`) of the function whose
/// parentheses enclose the cursor, then the session's variables, then the names the cell binds
/// before the cursor (not run yet, as ipykernel offers them), then builtins and keywords;
/// fields after `.`.
struct CompletionService {
    /// The session's evaluator, for variable names and values.
    let evaluator: Evaluator

    private static let keywords = TokenKind.keywords.keys.sorted()

    /// The matches for the identifier being typed before `cursor`, and the range they replace.
    func complete(_ code: String, cursor: Int) -> (matches: [String], start: Int, end: Int) {
        let scanner = CodeScanner(code)
        let cursor = max(0, min(cursor, code.unicodeScalars.count))
        let (start, prefix) = scanner.word(before: cursor)
        let candidates: [String]
        if scanner.scalar(before: start) == "." {
            candidates = fieldCandidates(scanner, dotOffset: start - 1)
        } else {
            candidates = namedArgumentCandidates(scanner, cursor: start) + evaluator.globals.keys.sorted()
                + CellBindings(code).names(before: start) + Builtins.all.keys.sorted() + CompletionService.keywords
        }
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
        return (matches, start, cursor)
    }

    private func fieldCandidates(_ scanner: CodeScanner, dotOffset: Int) -> [String] {
        let owner = scanner.word(before: dotOffset).text
        guard !owner.isEmpty, let value = evaluator.globals[owner] else { return [] }
        return Evaluator.fieldNames(of: value).sorted()
    }

    private func namedArgumentCandidates(_ scanner: CodeScanner, cursor: Int) -> [String] {
        guard let name = scanner.enclosingCall(before: cursor),
              case .function(let callee) = evaluator.lookup(name) else { return [] }
        return callee.parameters.filter { $0.kind != .variadic && $0.kind != .keywords }.map { $0.name + ":" }
    }

}
