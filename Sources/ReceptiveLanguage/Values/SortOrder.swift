/// The order `sort` puts values in: numbers by value with NaN last (as numpy.sort), bools
/// false before true, strings by Unicode scalar (as Python), tuples and lists item by item;
/// values of different kinds do not compare.
enum SortOrder {
    /// Whether `left` comes strictly before `right`, or a TypeError when they do not compare.
    static func precedes(_ left: Value, _ right: Value) throws -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN }
            return a < b
        case (.bool(let a), .bool(let b)):
            return !a && b
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.tuple(let a), .tuple(let b)), (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                if try precedes(x, y) { return true }
                if try precedes(y, x) { return false }
            }
            return a.count < b.count
        default:
            throw RuntimeError(.type, "sort: cannot compare \(left.typeDescription) with \(right.typeDescription); "
                               + "expected items of one kind (numbers, strings, bools or tuples)")
        }
    }
}
