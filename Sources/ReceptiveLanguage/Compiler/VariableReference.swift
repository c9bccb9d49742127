/// A name as compiled code reaches it: a slot of the function's frame, or a global slot.
enum VariableReference {
    /// A local of the function; while unset, the name means the global (or builtin).
    case local(Int, fallback: GlobalSlot)
    /// A top-level variable or builtin.
    case global(GlobalSlot)

    /// The global of the same name (the fallback of a local).
    var globalSlot: GlobalSlot {
        switch self {
        case .local(_, let global), .global(let global): return global
        }
    }

    /// The name as written.
    var name: String { globalSlot.name }

    /// What the name means now: the local, else the global, else the builtin; nil if nothing.
    @inline(__always)
    func value(in frame: Frame) -> Value? {
        switch self {
        case .local(let slot, let global):
            if let value = frame.slots[slot] { return value }
            return global.boundValue
        case .global(let global):
            return global.boundValue
        }
    }

    /// The number the variable holds in its own scope, or nil (unset, or not a number).
    @inline(__always)
    func number(in frame: Frame) -> Double? {
        switch self {
        case .local(let slot, _):
            if case .number(let number)? = frame.slots[slot] { return number }
            return nil
        case .global(let global):
            return global.number
        }
    }

    /// Replaces a number the variable holds (as `number(in:)` just found) with `value`.
    /// A number owns no memory, so the old one needs no release: the slot is overwritten.
    @inline(__always)
    func replaceNumber(with value: Value, in frame: Frame) {
        switch self {
        case .local(let slot, _): (frame.slots + slot).initialize(to: value)
        case .global(let global): global.replaceNumber(with: value)
        }
    }

    /// Binds the name in its own scope.
    @inline(__always)
    func store(_ value: Value, in frame: Frame) {
        switch self {
        case .local(let slot, _):
            // Overwriting a number needs no release (loop variables, counters).
            if case .number? = frame.slots[slot] {
                (frame.slots + slot).initialize(to: value)
            } else {
                frame.slots[slot] = value
            }
        case .global(let global):
            if global.number != nil { global.replaceNumber(with: value) } else { global.value = value }
        }
    }

    /// Unsets the variable; false when it was not set.
    func remove(in frame: Frame) -> Bool {
        switch self {
        case .local(let slot, _):
            defer { frame.slots[slot] = nil }
            return frame.slots[slot] != nil
        case .global(let global):
            return global.take() != nil
        }
    }

    /// Moves the variable's value out of the scope that holds it (the local, else the global),
    /// leaving it uniquely referenced; nil when neither is set.
    func take(in frame: Frame) -> (value: Value, wasLocal: Bool)? {
        if case .local(let slot, _) = self, let value = frame.slots[slot] {
            frame.slots[slot] = nil
            return (value, true)
        }
        return globalSlot.take().map { ($0, false) }
    }

    /// Puts a value taken by `take(in:)` back where it came from.
    func putBack(_ value: Value, wasLocal: Bool, in frame: Frame) {
        if wasLocal, case .local(let slot, _) = self {
            frame.slots[slot] = value
        } else {
            globalSlot.value = value
        }
    }
}
