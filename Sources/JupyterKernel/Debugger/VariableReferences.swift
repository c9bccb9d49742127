/// The Debug Adapter Protocol's `variablesReference` integers for the debugger's children
/// keys: one integer per key, the same each time the key is listed, so a tree the front end
/// drew from an older listing still expands. Forgotten when the debugger disconnects.
///
/// The table grows with the distinct keys listed (each listing of children adds at most the
/// children it returns), which the person clicking through the variables bounds.
struct VariableReferences {
    private var keys: [String] = []
    private var references: [String: Int] = [:]

    /// The reference for `key`, made on first use; references start at 1 (0 means "no children").
    mutating func reference(for key: String) -> Int {
        if let reference = references[key] { return reference }
        keys.append(key)
        references[key] = keys.count
        return keys.count
    }

    /// The key `reference` stands for, or nil when it was never handed out.
    func key(for reference: Int) -> String? {
        keys.indices.contains(reference - 1) ? keys[reference - 1] : nil
    }

    /// Forgets every reference.
    mutating func removeAll() {
        keys.removeAll()
        references.removeAll()
    }
}
