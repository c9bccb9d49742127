/// The storage of one top-level name, shared by every piece of compiled code that uses it.
///
/// Code is compiled against slots rather than names, so reading a global costs a pointer load
/// instead of a dictionary lookup. A slot outlives `del`: it is emptied, and filled again by
/// the next assignment.
final class GlobalSlot {
    /// The name the slot stands for.
    let name: String
    /// The builtin of that name, which the name means while no variable shadows it.
    let builtin: Value?
    /// The variable's storage. Pointer-backed so that compiled code reads and writes it in
    /// place (an external slot of the code using it), without exclusivity checks.
    let storage: UnsafeMutablePointer<Value?>

    /// Creates an empty slot for `name`.
    init(name: String) {
        self.name = name
        builtin = Builtins.all[name].map { .function($0) }
        storage = .allocate(capacity: 1)
        storage.initialize(to: nil)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The variable's value; nil when it is not defined.
    var value: Value? {
        get { storage.pointee }
        set { storage.pointee = newValue }
    }

    /// What the name means now: the variable, else the builtin.
    var boundValue: Value? { storage.pointee ?? builtin }

    /// The variable's number, or nil when it is unset or holds something else.
    var number: Double? {
        if case .number(let number)? = storage.pointee { return number }
        return nil
    }

    /// Overwrites a number the slot holds (as `number` just found): a number owns no memory,
    /// so there is nothing to release.
    func replaceNumber(with value: Value) {
        storage.initialize(to: value)
    }

    /// Moves the value out, leaving the slot empty, so that its storage is uniquely referenced.
    func take() -> Value? {
        let taken = storage.pointee
        storage.pointee = nil
        return taken
    }
}
