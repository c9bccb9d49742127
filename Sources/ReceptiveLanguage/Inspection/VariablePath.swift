/// A value inside a session named the way the debugger's variables panel names it: a
/// variable, then fields and indices, written `detector.weights[0][2]`. Field steps are
/// record fields and a layer's properties; index steps are items of a list or tuple and rows
/// of a tensor (counted from 0).
public struct VariablePath: Hashable, Sendable, CustomStringConvertible {
    /// One step from a value to a value inside it.
    public enum Step: Hashable, Sendable {
        /// A record field or layer property.
        case field(String)
        /// An item of a list or tuple, or a row (element) of a tensor.
        case index(Int)
    }

    /// The variable the path starts at.
    public let root: String
    /// The steps from the variable to the value.
    public let steps: [Step]

    /// The path of `root` followed by `steps`.
    public init(root: String, steps: [Step] = []) {
        self.root = root
        self.steps = steps
    }

    /// Reads a path as `description` writes it; nil for anything else (spaces, expressions,
    /// negative indices).
    public init?(_ text: String) {
        var scalars = Substring(text).unicodeScalars[...]
        guard let root = Self.name(&scalars) else { return nil }
        var steps: [Step] = []
        while let first = scalars.first {
            scalars.removeFirst()
            if first == "." {
                guard let field = Self.name(&scalars) else { return nil }
                steps.append(.field(field))
            } else if first == "[" {
                let digits = scalars.prefix { ("0"..."9").contains($0) }
                scalars.removeFirst(digits.count)
                guard !digits.isEmpty, scalars.first == "]", let index = Int(String(String.UnicodeScalarView(digits))) else {
                    return nil
                }
                scalars.removeFirst()
                steps.append(.index(index))
            } else {
                return nil
            }
        }
        self.init(root: root, steps: steps)
    }

    /// The path one step further.
    public func appending(_ step: Step) -> VariablePath {
        VariablePath(root: root, steps: steps + [step])
    }

    /// `root.field[index]…`.
    public var description: String {
        steps.reduce(root) { text, step in
            switch step {
            case .field(let name): text + "." + name
            case .index(let index): text + "[\(index)]"
            }
        }
    }

    /// An identifier as the lexer reads one (a letter or `_`, then letters, digits, `_`), removed
    /// from the front of `scalars`.
    private static func name(_ scalars: inout Substring.UnicodeScalarView) -> String? {
        guard let first = scalars.first, first == "_" || first.properties.isAlphabetic else { return nil }
        let name = scalars.prefix { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        scalars.removeFirst(name.count)
        return String(String.UnicodeScalarView(name))
    }
}
