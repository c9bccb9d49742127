extension JSONValue {
    /// What a value is, for error messages that say what was found: `null`, `the bool true`,
    /// `the number 3`, `the string "x"`, `a list of 2 items`, `an object`. A string longer than
    /// 40 characters is described by its length instead of echoed: the message goes back to the
    /// front end and into logs, and whatever a client sent may be large.
    public var foundDescription: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "the bool \(flag)"
        case .int(let number): "the number \(number)"
        case .double(let number): "the number \(number)"
        case .string(let text) where text.count <= 40: "the string \"\(text)\""
        case .string(let text): "a string of \(text.count) characters"
        case .array(let items): "a list of \(items.count) items"
        case .object: "an object"
        }
    }
}
