/// The local variables of one active user-function call, in the slots its layout assigns.
///
/// The slots are allocated with the object (one allocation per call). Top-level code runs in
/// a frame with no slots: its names are all globals.
final class Frame: ManagedBuffer<LocalLayout, Value?> {
    /// Creates a frame for `layout` with every local unset.
    static func make(_ layout: LocalLayout) -> Frame {
        let frame = unsafeDowncast(Frame.create(minimumCapacity: layout.count) { _ in layout }, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: nil, count: layout.count) }
        return frame
    }

    deinit {
        withUnsafeMutablePointers { layout, slots in _ = slots.deinitialize(count: layout.pointee.count) }
    }

    /// Which name each slot holds.
    var layout: LocalLayout { header }

    /// One optional value per slot; nil while the local is unset. Compiled code indexes it
    /// with slot numbers from `layout`, which are always below `layout.count`; the storage
    /// lives as long as the frame, which the running call holds.
    var slots: UnsafeMutablePointer<Value?> { withUnsafeMutablePointerToElements { $0 } }

    /// The names of the locals that are set, for "did you mean" suggestions.
    var definedNames: [String] {
        layout.names.indices.compactMap { slots[$0] == nil ? nil : layout.names[$0] }
    }
}
