/// The variables of one call (or cell) that functions defined inside it capture, kept on the
/// heap so that they outlive the call and are shared by reference, as Python's cells are.
///
/// Only captured variables live here; the others stay in the frame's registers. An
/// environment's parent is the one its function captured where it was defined. A session is
/// used from one thread at a time, and so are its environments (functions holding them must
/// be `Sendable` as values); that is what makes the unchecked conformance sound.
final class Environment: @unchecked Sendable {
    /// The environment of the scope around this one.
    let parent: Environment?
    /// The variables, by slot; nil while unset.
    private(set) var slots: [Value?]

    /// Creates an environment of `count` unset variables inside `parent`.
    init(count: Int, parent: Environment?) {
        self.parent = parent
        slots = Array(repeating: nil, count: count)
    }

    /// The environment `depth` levels out (0 is this one).
    func outer(_ depth: Int) -> Environment {
        var environment = self
        for _ in 0..<depth {
            // The compiler counts depths from the same chain it builds, so a parent exists.
            guard let parent = environment.parent else { break }
            environment = parent
        }
        return environment
    }

    /// Reads or writes variable `index`.
    subscript(index: Int) -> Value? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// Moves variable `index` out, leaving it unset (so its storage is uniquely referenced).
    func take(_ index: Int) -> Value? {
        let value = slots[index]
        slots[index] = nil
        return value
    }
}
