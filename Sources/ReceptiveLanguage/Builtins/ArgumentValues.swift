/// A call's bound arguments by parameter name: a few pairs searched in order.
///
/// Why not a `[String: Value]` (measured): every builtin call built one, hashing each parameter
/// name on insertion, again on the check for a missing argument and again on every read, and
/// allocated and freed its storage. callgrind counted 8,789 instructions per `exp(x)` on a 1×1
/// tensor against 2,913 for the operator `x * 2`, about 2,100 of the difference in `Hasher` and
/// the dictionary's storage. A builtin has at most a dozen parameters, whose names are short
/// enough to compare as two words, so a linear search costs less than one hash.
public struct ArgumentValues: Sendable, ExpressibleByDictionaryLiteral {
    /// The arguments in the order they were bound (one allocation per call).
    private var pairs: [(name: String, value: Value)] = []

    /// No arguments.
    public init() {}

    /// The arguments `elements`; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, Value)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// Room for `count` arguments.
    mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

    /// The value bound to `name`, nil when none is; setting nil removes it.
    public subscript(name: String) -> Value? {
        get { pairs.first { $0.name == name }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }
}
