import WholeNumbers

/// One parameter of a callable.
public struct Parameter: Sendable {
    /// How arguments reach a parameter.
    public enum Kind: Sendable, Equatable {
        /// By position or by name.
        case regular
        /// Collects the remaining positional arguments (`dims...`).
        case variadic
        /// Only by name (`seed:`).
        case namedOnly
        /// Collects the named arguments no other parameter takes, in call order (`interact`'s
        /// `name: control, ...`).
        case keywords
    }

    /// The parameter's name, also its keyword.
    public var name: String
    /// How arguments reach it.
    public var kind: Kind
    /// The value used when the argument is missing; nil means required
    /// (a variadic parameter is never required).
    public var defaultValue: Value?
    /// Shown in the signature instead of the default's rendering, e.g. "\"valid\"".
    public var defaultText: String?

    /// Creates a parameter.
    public init(_ name: String, kind: Kind = .regular, default defaultValue: Value? = nil,
                shownAs defaultText: String? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.defaultText = defaultText
    }

    /// The parameter as written in a signature: `x`, `dims...`, `mode: "valid"`.
    public var signatureText: String {
        switch kind {
        case .variadic:
            return "\(name)..."
        case .keywords:
            return defaultText ?? "\(name): value, ..."
        case .regular, .namedOnly:
            if let text = defaultText { return "\(name): \(text)" }
            guard let value = defaultValue else { return kind == .namedOnly ? "\(name):" : name }
            return "\(name): \(Parameter.literal(value))"
        }
    }

    private static func literal(_ value: Value) -> String {
        switch value {
        case .number(let number):
            return number.wholeNumber.map(String.init) ?? "\(number)"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return "\"\(text)\""
        case .none: return "none"
        default: return "…"
        }
    }
}
