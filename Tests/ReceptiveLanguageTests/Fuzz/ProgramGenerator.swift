@testable import ReceptiveLanguage

/// Writes random but grammatical programs: literals, tensors, calls of the real builtins with
/// arguments of every kind (also by name), indexing and slicing, operators, fn/if/for/while with
/// break and continue, anonymous functions, comprehensions, unpacking and `append`.
/// Sizes stay small so a program's cost is dominated by the interpreter, not by arithmetic.
struct ProgramGenerator {
    /// Builtins that touch files, read stdin, repeat work on purpose or change session limits.
    // animate sleeps between frames (up to a minute each), which a fuzz run cannot afford.
    private static let excluded: Set<String> = ["save", "load", "image", "input", "timeit", "set", "clear", "del", "animate"]
    private static let builtins = Builtins.all.values
        .filter { !excluded.contains($0.name) }
        .sorted { $0.name < $1.name }
    private static let names = ["x", "y", "t", "f", "g", "n", "s"]
    private static let binaryOperators = ["+", "-", "*", "/", "//", "%", "**", "@", "==", "!=", "<", "<=", ">", ">=", "and", "or"]
    private static let strings = ["\"\"", "\"a\"", "\"same\"", "\"valid\"", "\"max\"", "\"é\\n\"", "\"x\""]

    private var random: SplitMix64

    /// Creates a generator whose programs are determined by `seed`.
    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// One program of one to four statements.
    mutating func program() -> String {
        (0..<(pick(4) + 1)).map { _ in statement(depth: 0) }.joined(separator: "\n")
    }

    private mutating func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }

    private mutating func element<T>(_ items: [T]) -> T { items[pick(items.count)] }

    private mutating func statement(depth: Int, inFunction: Bool = false, inLoop: Bool = false) -> String {
        let choice = depth > 1 ? pick(3) : pick(10 + (inLoop ? 1 : 0) + (inFunction ? 1 : 0))
        switch choice {
        case 0: return "\(element(Self.names)) = \(expression(depth: depth))"
        case 1: return "\(element(Self.names)) \(element(["+=", "-=", "*=", "/=", "//="])) \(expression(depth: depth))"
        case 2: return expression(depth: depth) + (pick(4) == 0 ? ";" : "")
        case 3: return "fn \(element(["f", "g"]))(\(parameters())) = \(expression(depth: depth + 1))"
        case 4: return "fn \(element(["f", "g"]))(\(parameters())) { \(block(depth: depth + 1, inFunction: true, inLoop: false)) }"
        case 5:
            let then = block(depth: depth + 1, inFunction: inFunction, inLoop: inLoop)
            let otherwise = block(depth: depth + 1, inFunction: inFunction, inLoop: inLoop)
            return "if \(expression(depth: depth + 1)) { \(then) } else { \(otherwise) }"
        case 6:
            let body = block(depth: depth + 1, inFunction: inFunction, inLoop: true)
            return "for \(loopVariables()) in \(iterable()) { \(body) }"
        case 7:
            // The counter goes up first, so `continue` in the body cannot loop forever.
            let counter = "w\(depth)"
            let body = block(depth: depth + 1, inFunction: inFunction, inLoop: true)
            return "\(counter) = 0; while \(counter) < \(pick(4)) { \(counter) += 1; \(body) }"
        case 8: return "\(element(Self.names)), \(element(["a", "b"])) = \(expression(depth: depth))"
        case 9: return "append(\(element(Self.names)), \(expression(depth: depth + 1)))"
        case 10 where inLoop: return element(["break", "continue"])
        default: return inFunction ? "return \(expression(depth: depth + 1))" : expression(depth: depth)
        }
    }

    private mutating func block(depth: Int, inFunction: Bool, inLoop: Bool) -> String {
        (0..<(pick(3) + 1)).map { _ in statement(depth: depth, inFunction: inFunction, inLoop: inLoop) }.joined(separator: "; ")
    }

    private mutating func loopVariables() -> String {
        pick(4) == 0 ? "\(element(Self.names)), \(element(["a", "b"]))" : element(Self.names)
    }

    private mutating func parameters() -> String {
        ["", "n", "x, y", "x, y: 2", "a, b, c"][pick(5)]
    }

    private mutating func iterable() -> String {
        element(["arange(\(pick(6)))", "range(\(pick(6)))", "[1, 2, 3]", "(1, \"a\")", "\"ab\"", "[[1, 2], [3, 4]]",
                 "enumerate(\"ab\")", "zip([1, 2], (3, \"c\"))", element(Self.names)])
    }

    private mutating func expression(depth: Int) -> String {
        guard depth < 4 else { return atom() }
        switch pick(12) {
        case 0, 1: return atom()
        case 2, 3: return "\(expression(depth: depth + 1)) \(element(Self.binaryOperators)) \(expression(depth: depth + 1))"
        case 4: return "\(element(["-", "not "]))\(expression(depth: depth + 1))"
        case 5, 6: return call(depth: depth + 1)
        case 7: return "\(expression(depth: depth + 1))[\(indices())]"
        case 8: return "(\(expression(depth: depth + 1)))\(element([".shape", ".T", ".rank", ".size", "", ".name"]))"
        case 9:
            let filter = pick(2) == 0 ? " if \(expression(depth: depth + 2))" : ""
            return "[\(expression(depth: depth + 1)) for \(loopVariables()) in \(iterable())\(filter)]"
        case 10:
            return pick(2) == 0
                ? "fn(\(parameters())) = \(expression(depth: depth + 1))"
                : "fn(\(parameters())) { \(block(depth: depth + 2, inFunction: true, inLoop: false)) }"
        default: return "\(element(["f", "g"]))(\(arguments(count: pick(3), depth: depth + 1)))"
        }
    }

    private mutating func call(depth: Int) -> String {
        let builtin = element(Self.builtins)
        var parts: [String] = []
        // After a skipped or named argument, the rest must be named (positional cannot follow).
        var positional = true
        for parameter in builtin.parameters {
            guard pick(3) != 0 else {
                positional = false
                continue
            }
            let value = expression(depth: depth + 1)
            switch parameter.kind {
            case .variadic where positional: parts.append(contentsOf: (0..<pick(3)).map { _ in smallInteger() })
            case .regular where positional && pick(4) != 0: parts.append(value)
            case .variadic, .keywords: break
            case .namedOnly, .regular:
                parts.append("\(parameter.name): \(value)")
                positional = false
            }
        }
        if pick(10) == 0 { parts.append("bogus: 1") }
        return "\(builtin.name)(\(parts.joined(separator: ", ")))"
    }

    private mutating func arguments(count: Int, depth: Int) -> String {
        (0..<count).map { _ in expression(depth: depth) }.joined(separator: ", ")
    }

    private mutating func indices() -> String {
        let parts = (0..<(pick(3) + 1)).map { _ in
            element([smallInteger(), "\(smallInteger()):\(smallInteger())", ":", "::-1", "1::2", "-1", ":\(smallInteger())"])
        }
        return parts.joined(separator: ", ")
    }

    private mutating func smallInteger() -> String { String(pick(9) - 3) }

    private mutating func atom() -> String {
        switch pick(12) {
        case 0, 1: return smallInteger()
        case 2: return element(["2.5", "-0.0", "1e3", "1e-300", "1e308", "0.1", "3"])
        case 3: return element(Self.strings)
        case 4: return element(["true", "false", "none"])
        case 5: return element(Self.names)
        case 6: return "[\((0..<(pick(4) + 1)).map { _ in smallInteger() }.joined(separator: ", "))]"
        case 7: return "[[1, 2], [3, \(smallInteger())]]"
        case 8: return "(\(smallInteger()), \(element(Self.strings)))"
        case 9: return "\(element(["zeros", "ones", "randn"]))(\((0..<(pick(4) + 1)).map { _ in String(pick(6) + 1) }.joined(separator: ", ")))"
        case 10: return element(["sobel()", "gaussian(3)", "edge()", "laplacian()", "eye(3)", "arange(8)"])
        default: return "[]"
        }
    }
}
