/// The operator tokens of the binary precedence levels, as dictionary keys.
enum OperatorToken: Hashable {
    case plus, minus, star, slash, slashSlash, percent, at
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual

    /// The operator for a token kind, or nil when it is not a binary operator.
    init?(_ kind: TokenKind) {
        switch kind {
        case .plus: self = .plus
        case .minus: self = .minus
        case .star: self = .star
        case .slash: self = .slash
        case .slashSlash: self = .slashSlash
        case .percent: self = .percent
        case .at: self = .at
        case .equalEqual: self = .equalEqual
        case .bangEqual: self = .bangEqual
        case .less: self = .less
        case .lessEqual: self = .lessEqual
        case .greater: self = .greater
        case .greaterEqual: self = .greaterEqual
        default: return nil
        }
    }
}
