/// The names a `for` loop or a comprehension binds to each item: one name, or several that
/// take the item apart (`for i, x in enumerate(xs)`).
struct LoopVariables: Sendable {
    /// The names, in order; more than one means the item is unpacked.
    var names: [String]
    /// Where the names are written (for errors about unpacking).
    var range: SourceRange

    /// Whether each item is taken apart into several names.
    var unpacks: Bool { names.count > 1 }
}
