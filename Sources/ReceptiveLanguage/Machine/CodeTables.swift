/// Where a variable lives, as compiled code reaches it.
enum VariableStorage: Equatable {
    /// A register of the frame, or an external slot (a global): a slot operand.
    case slot(Int32)
    /// A variable captured by a function defined inside its scope: slot `index` of the
    /// environment `depth` levels out from the running frame's.
    case environment(depth: Int, index: Int)
}

/// A variable an instruction changes in place (`x[i] = v`, `append(x, v)`, `del(x)`).
struct VariableSite {
    /// Where it lives.
    var storage: VariableStorage
    /// What an unset local means instead, first set first: the variables of its name in the
    /// scopes around it, out to the global (empty for globals).
    var fallback: [VariableStorage]
    /// Whether `del` may remove it (a function deletes only its own locals).
    var isDeletable = true
    /// Its name, for errors.
    var name: String
    /// Where the name is written.
    var range: SourceRange
}

/// The arguments of a call with named ones: in registers after the callee, the positional
/// ones first, then one per name.
struct CallSite {
    /// How many positional arguments come first.
    var positionalCount: Int
    /// The names of the arguments after them.
    var names: [String]
}

/// A subscript whose components were evaluated into registers.
struct SubscriptSite {
    /// An index or a slice bound: its register, and its source for errors about its value.
    struct Bound {
        var register: Int32
        var range: SourceRange
    }

    /// One component: an index, or slice bounds (nil where a bound is left out).
    enum Component {
        case single(Bound)
        case slice(start: Bound?, stop: Bound?, step: Bound?)
    }

    /// The components in order.
    var components: [Component]
}

/// A function written inside compiled code, compiled with it; `makeFunction` turns it into a
/// value each time the definition runs.
struct FunctionPrototype {
    /// The compiled body.
    var code: FunctionCode
    /// The parameters' names, in order.
    var parameterNames: [String]
    /// Which parameters have a default (evaluated into consecutive registers, in order).
    var hasDefault: [Bool]
    /// Whether it was written as `fn(...)` without a name.
    var isAnonymous: Bool
}
