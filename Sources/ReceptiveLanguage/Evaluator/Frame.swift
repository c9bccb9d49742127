/// The local variables of one active user-function call, in the slots its layout assigns.
///
/// Top-level code runs in a frame with no slots: its names are all globals.
final class Frame {
    /// Which name each slot holds.
    let layout: LocalLayout
    /// One optional value per slot; nil while the local is unset. Compiled code indexes it
    /// with slot numbers from `layout`, which are always below `layout.count`.
    let slots: UnsafeMutablePointer<Value?>

    /// Creates a frame with every local unset.
    init(layout: LocalLayout) {
        self.layout = layout
        slots = .allocate(capacity: max(layout.count, 1))
        slots.initialize(repeating: nil, count: layout.count)
    }

    deinit {
        slots.deinitialize(count: layout.count)
        slots.deallocate()
    }

    /// The names of the locals that are set, for "did you mean" suggestions.
    var definedNames: [String] {
        layout.names.indices.compactMap { slots[$0] == nil ? nil : layout.names[$0] }
    }
}
